-- 好差评: the applicant's rating of a finished application (one per application), for the centre's
-- service evaluation. Kept apart from the application so a rating can never change what was filed.
CREATE TABLE application_ratings (
  application_id text PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
  applicant_id text NOT NULL REFERENCES users (id),
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text CHECK (char_length(comment) <= 500),
  created_at timestamptz NOT NULL DEFAULT now()
);
