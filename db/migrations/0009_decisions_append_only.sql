-- The decision log is a record of what boards decided: a correction is a new decision that supersedes
-- the old one, so a decision, once recorded, is never changed or removed.
CREATE OR REPLACE FUNCTION concerto_decisions_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'decisions is append-only: % is not allowed; record a decision that supersedes it', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER decisions_append_only
  BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION concerto_decisions_are_append_only();
