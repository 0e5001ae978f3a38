-- The drift check (docs/drift-check.md): every check of a portal's pages against its declaration, the
-- admin's schedule for them, and per portal whether a must-fail finding holds its new filings.

CREATE TABLE portal_checks (
  id bigserial PRIMARY KEY,
  portal_id text NOT NULL,
  -- schedule: the nightly job · admin: 立即检查
  trigger text NOT NULL,
  -- checked: the walk ran (findings may be empty) · skipped: the portal was busy or paused · error
  outcome text NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  declaration_version text,
  steps_checked jsonb NOT NULL DEFAULT '[]'::jsonb,
  findings jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Why a check was skipped or could not run, in Chinese.
  note text
);
CREATE INDEX portal_checks_portal_time ON portal_checks (portal_id, finished_at DESC);

-- On a must-fail finding, hold the portal's new filings (its queue paused) until a clean check.
ALTER TABLE portal_settings ADD COLUMN drift_auto_pause boolean NOT NULL DEFAULT false;
-- Set while filings are held because of drift: the finding the clerk reads. Apart from `paused`, which
-- only an admin sets, so a clean check lifts its own hold and never an admin's pause.
ALTER TABLE portal_settings ADD COLUMN drift_hold text;

-- One row: when the scheduled check runs (daily at time_of_day in time_zone), or never.
CREATE TABLE drift_schedule (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  enabled boolean NOT NULL DEFAULT true,
  time_of_day text NOT NULL DEFAULT '02:30',
  time_zone text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
