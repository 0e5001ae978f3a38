-- Applications (办件) of the web application. An application belongs to one applicant and one service
-- centre; every repository query names one of the two (or is an admin's), which is how "applicants see only
-- their own, clerks only their centre's" is enforced below the route handlers.
CREATE TABLE applications (
  id text PRIMARY KEY,
  -- What people read and quote on the phone: YJ + date + random letters.
  reference text NOT NULL UNIQUE,
  applicant_id text NOT NULL REFERENCES users (id),
  centre_id text NOT NULL REFERENCES service_centres (id),
  bundle_id text NOT NULL,
  -- The applicant's choices for the bundle (optional items taken, conditions such as the company type).
  options jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'returned', 'accepted', 'processing', 'completed', 'withdrawn')),
  -- A name to list the application by (the company name once typed).
  title text,
  -- The merged form's values, as forms/ defines them.
  form_values jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Field path → where its value came from: { source: typed|ocr|derived|default|item, documentId?, confidence? }.
  field_sources jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Optimistic locking: a save names the version it edited, so two tabs cannot silently overwrite each other.
  version integer NOT NULL DEFAULT 1,
  return_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz
);
CREATE INDEX applications_applicant ON applications (applicant_id, updated_at DESC);
CREATE INDEX applications_centre ON applications (centre_id, status, updated_at DESC);

CREATE TABLE application_documents (
  id text PRIMARY KEY,
  application_id text NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  -- The material slot this upload fills (e.g. an ID card's portrait side) and, for per-person materials,
  -- whom it is about (e.g. 'persons[0]').
  material text NOT NULL,
  subject text,
  file_name text NOT NULL,
  mime_type text NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'application/pdf')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- Path under DATA_DIR/uploads; never built from the file name the browser sent.
  storage_key text NOT NULL,
  uploaded_by text NOT NULL REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  ocr_status text NOT NULL DEFAULT 'none' CHECK (ocr_status IN ('none', 'pending', 'running', 'done', 'failed')),
  ocr_result jsonb,
  ocr_error text,
  ocr_at timestamptz,
  -- Removed by the applicant; kept (not deleted) while the application exists, for the audit trail.
  removed_at timestamptz
);
CREATE INDEX application_documents_application ON application_documents (application_id, uploaded_at);

-- Findings of the automatic review (辅助审核), as computed by forms/ when the application was submitted.
CREATE TABLE review_findings (
  id bigserial PRIMARY KEY,
  application_id text NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  rule text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  field text,
  message text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text REFERENCES users (id)
);
CREATE INDEX review_findings_application ON review_findings (application_id, created_at);

CREATE TABLE application_status_history (
  id bigserial PRIMARY KEY,
  application_id text NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  actor_id text REFERENCES users (id),
  actor_role text,
  reason text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_status_history_application ON application_status_history (application_id, at);
