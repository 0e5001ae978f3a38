-- The bots' side of an application: one row per item with its state and outputs, every run (attempt) of a bot
-- with its evidence, the questions bots put to people, and the per-portal queue settings and credentials.

CREATE TABLE application_items (
  application_id text NOT NULL,
  item_id text NOT NULL,
  -- waiting: needs not met yet · queued · running · awaiting-person · awaiting-approval · done · failed
  status text NOT NULL DEFAULT 'waiting',
  -- Bumped by a resubmission, so the new jobs get new deterministic ids.
  generation integer NOT NULL DEFAULT 0,
  outputs jsonb NOT NULL DEFAULT '{}'::jsonb,
  receipt jsonb,
  failure jsonb,
  -- Set just before a bot presses the final submit: a later run must reconcile with the portal's 办件查询
  -- instead of filing again.
  submit_started_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, item_id)
);
CREATE INDEX application_items_status ON application_items (status, updated_at);

CREATE TABLE bot_runs (
  id bigserial PRIMARY KEY,
  application_id text NOT NULL,
  item_id text NOT NULL,
  portal_id text NOT NULL,
  job_id text NOT NULL,
  generation integer NOT NULL,
  attempt integer NOT NULL,
  worker text NOT NULL,
  -- running · succeeded · adopted (found an earlier receipt in 办件查询) · failed · interrupted
  status text NOT NULL DEFAULT 'running',
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  duration_ms integer,
  failure jsonb,
  receipt jsonb,
  comparison jsonb,
  trace_path text
);
CREATE INDEX bot_runs_application ON bot_runs (application_id, item_id, started_at);
CREATE INDEX bot_runs_portal_time ON bot_runs (portal_id, started_at);
CREATE INDEX bot_runs_status_time ON bot_runs (status, started_at);

CREATE TABLE bot_run_steps (
  run_id bigint NOT NULL REFERENCES bot_runs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  name text NOT NULL,
  status text NOT NULL,
  started_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  screenshot_path text,
  note text,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE human_tasks (
  id bigserial PRIMARY KEY,
  application_id text NOT NULL,
  item_id text NOT NULL,
  run_id bigint REFERENCES bot_runs (id) ON DELETE SET NULL,
  -- sms-code: the applicant reads it from their phone · captcha: a clerk reads the image
  kind text NOT NULL,
  prompt text NOT NULL,
  image_path text,
  status text NOT NULL DEFAULT 'open',
  answer text,
  created_at timestamptz NOT NULL DEFAULT now(),
  deadline timestamptz NOT NULL,
  answered_at timestamptz,
  answered_by text
);
CREATE INDEX human_tasks_open ON human_tasks (status, application_id);

CREATE TABLE portal_settings (
  portal_id text PRIMARY KEY,
  concurrency integer NOT NULL,
  rate_max integer,
  rate_duration_ms integer,
  paused boolean NOT NULL DEFAULT false,
  -- Where the bots find this department: NULL means the sandbox portal on this machine; set it to point
  -- the same declaration at the real system.
  base_url text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

CREATE TABLE portal_credentials (
  portal_id text PRIMARY KEY,
  username text NOT NULL,
  -- AES-256-GCM under a key derived from YIJIAN_SECRET; never returned to a page in full.
  password_sealed text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
