-- 行业综合许可证 (一证): issued once per application, when every permit of its bundle is granted. The facts
-- printed on it are frozen here as issued (JSON built from the items' receipts and outputs), so the public
-- verification page shows exactly the printed licence even if the application changes later. The token in
-- the QR code is random and unguessable; the verification page finds the licence by it and by nothing else.
CREATE SEQUENCE licence_serial;

CREATE TABLE licences (
  application_id text PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
  token text NOT NULL UNIQUE CHECK (char_length(token) >= 32),
  number text NOT NULL UNIQUE,
  facts jsonb NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);
