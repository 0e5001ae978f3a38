-- 人工办结: the clerk records that an item handed over to them (转人工) was filed by hand — what was done, and
-- the department's numbers and outputs typed into the receipt and outputs like a bot's. The item is then done
-- (status 'done') and keeps its closing (closed_at): the bots never write to it again.
ALTER TABLE application_items
  ADD COLUMN handled_note text CHECK (char_length(handled_note) <= 500),
  ADD COLUMN handled_by_name text,
  ADD COLUMN handled_at timestamptz;
