-- The audit trail is evidence: once written, an event is never changed or removed.
CREATE OR REPLACE FUNCTION concerto_audit_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION concerto_audit_is_append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION concerto_delivery_dates_are_kept() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'delivery_dates keeps every revision: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER delivery_dates_kept
  BEFORE UPDATE ON delivery_dates
  FOR EACH ROW EXECUTE FUNCTION concerto_delivery_dates_are_kept();
