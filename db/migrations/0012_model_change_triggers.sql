-- The change log the in-memory read model catches up from (store/read-model/). Statement-level
-- triggers, so an import of 10,000 items logs in one INSERT per statement, and every way of writing
-- (Concerto's stores, another process's import, an operator's SQL) is seen. Notifying lets a process
-- on the embedded database, the only one that can write there, know without asking that something changed.
CREATE OR REPLACE FUNCTION concerto_items_changed() RETURNS trigger AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO model_changes (plan_id, rec_id, what) SELECT DISTINCT plan_id, rec_id, 'item' FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO model_changes (plan_id, rec_id, what)
      SELECT plan_id, rec_id, 'item' FROM (SELECT plan_id, rec_id FROM new_rows UNION SELECT plan_id, rec_id FROM old_rows) changed;
  ELSE
    INSERT INTO model_changes (plan_id, rec_id, what) SELECT DISTINCT plan_id, rec_id, 'item' FROM old_rows;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('concerto_model', '');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Themes and owners: a new one extends the plan's list; a rename or removal changes items' names, so the plan is reloaded.
CREATE OR REPLACE FUNCTION concerto_plan_names_changed() RETURNS trigger AS $$
DECLARE
  n bigint;
  what text := CASE WHEN TG_OP = 'INSERT' THEN TG_ARGV[0] ELSE 'rebuild' END;
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO model_changes (plan_id, what) SELECT DISTINCT plan_id, what FROM old_rows;
  ELSE
    INSERT INTO model_changes (plan_id, what) SELECT DISTINCT plan_id, what FROM new_rows;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('concerto_model', '');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION concerto_plans_changed() RETURNS trigger AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO model_changes (plan_id, what) SELECT id, 'plans' FROM old_rows;
  ELSE
    INSERT INTO model_changes (plan_id, what) SELECT id, 'plans' FROM new_rows;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('concerto_model', '');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- People links are workspace-wide: one row says "reload the links".
CREATE OR REPLACE FUNCTION concerto_links_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO model_changes (what) VALUES ('links');
  PERFORM pg_notify('concerto_model', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER recommendations_model_insert
  AFTER INSERT ON recommendations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER recommendations_model_update
  AFTER UPDATE ON recommendations REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER recommendations_model_delete
  AFTER DELETE ON recommendations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER updates_model_insert
  AFTER INSERT ON updates REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER updates_model_update
  AFTER UPDATE ON updates REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER updates_model_delete
  AFTER DELETE ON updates REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_owners_model_insert
  AFTER INSERT ON recommendation_owners REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_owners_model_update
  AFTER UPDATE ON recommendation_owners REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER recommendation_owners_model_delete
  AFTER DELETE ON recommendation_owners REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER delivery_dates_model_insert
  AFTER INSERT ON delivery_dates REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER delivery_dates_model_delete
  AFTER DELETE ON delivery_dates REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_items_changed();
--> statement-breakpoint
CREATE TRIGGER themes_model_insert
  AFTER INSERT ON themes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plan_names_changed('themes');
--> statement-breakpoint
CREATE TRIGGER themes_model_update
  AFTER UPDATE ON themes REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plan_names_changed('themes');
--> statement-breakpoint
CREATE TRIGGER themes_model_delete
  AFTER DELETE ON themes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plan_names_changed('themes');
--> statement-breakpoint
CREATE TRIGGER owners_model_insert
  AFTER INSERT ON owners REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plan_names_changed('owners');
--> statement-breakpoint
CREATE TRIGGER owners_model_update
  AFTER UPDATE ON owners REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plan_names_changed('owners');
--> statement-breakpoint
CREATE TRIGGER owners_model_delete
  AFTER DELETE ON owners REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plan_names_changed('owners');
--> statement-breakpoint
CREATE TRIGGER plans_model_insert
  AFTER INSERT ON plans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plans_changed();
--> statement-breakpoint
CREATE TRIGGER plans_model_update
  AFTER UPDATE ON plans REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plans_changed();
--> statement-breakpoint
CREATE TRIGGER plans_model_delete
  AFTER DELETE ON plans REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_plans_changed();
--> statement-breakpoint
CREATE TRIGGER identity_links_model
  AFTER INSERT OR UPDATE OR DELETE ON identity_links
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_links_changed();
