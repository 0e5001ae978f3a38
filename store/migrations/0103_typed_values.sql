-- What the applicant (or a clerk) actually entered, apart from the merged values computed from it: forms/
-- resolves the full form (OCR readings, derivations, defaults) from these each time a document or an entry
-- changes, and a value typed over a derived one must stay typed.
ALTER TABLE applications ADD COLUMN typed_values jsonb NOT NULL DEFAULT '{}'::jsonb;
