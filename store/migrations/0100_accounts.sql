-- Accounts of the web application: service centres, users with one role each, database-backed sessions and
-- the failed logins that drive the lock-out. Sessions live in the database (not in process memory) so a
-- restart or a second server process does not sign anyone out.
CREATE TABLE service_centres (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('applicant', 'clerk', 'admin')),
  -- Staff sign in with a user name, applicants with their mobile number; one column keeps both unique.
  login text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  -- A clerk works at one centre and sees only its applications; admins may have one; applicants choose a
  -- centre per application.
  centre_id text REFERENCES service_centres (id),
  disabled boolean NOT NULL DEFAULT false,
  -- Seeded by `yijian start` for the demo; listed so they can be told apart from real accounts.
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  CHECK (role <> 'clerk' OR centre_id IS NOT NULL)
);
CREATE INDEX users_centre ON users (centre_id, role);

CREATE TABLE sessions (
  -- sha256 of the cookie value: reading this table does not let anyone replay a session.
  id_hash text PRIMARY KEY,
  -- NULL for a visitor who has not signed in yet (the session only carries the CSRF token of the login form).
  user_id text REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  -- Absolute expiry; the idle expiry is computed from last_seen_at.
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE login_failures (
  id bigserial PRIMARY KEY,
  -- HMAC of the normalised login name: counts per account without keeping phone numbers in yet another table.
  account_key text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_account ON login_failures (account_key, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);
