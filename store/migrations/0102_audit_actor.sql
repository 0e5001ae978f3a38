-- The audit log as the admin page browses it: the actor's name as it was at the time (accounts may be
-- renamed later) and the filters the page offers.
ALTER TABLE audit_log ADD COLUMN actor_name text;
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_action ON audit_log (action, at);
