-- 注册短信验证: the code sent to the phone an applicant registers with, checked before the account exists.
-- One pending registration per visitor's session; the code is kept only as an HMAC, and the row goes once the
-- account is created, the tries run out or the session ends.
CREATE TABLE phone_verifications (
  session_id_hash text PRIMARY KEY REFERENCES sessions (id_hash) ON DELETE CASCADE,
  phone text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  code_hmac text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  sent_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
