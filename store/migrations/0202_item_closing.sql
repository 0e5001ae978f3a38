-- An admin may take an item out of the bots' hands: 取消 (it is not filed at all) or 转人工 (the centre's clerk
-- files it by hand). Both are final for the bots: no job, retry or late worker changes such an item again
-- (application-items.repo.ts guards every write), and the reason is what the clerk reads.
ALTER TABLE application_items
  ADD COLUMN closed_reason text CHECK (char_length(closed_reason) <= 500),
  ADD COLUMN closed_by_name text,
  ADD COLUMN closed_at timestamptz;
