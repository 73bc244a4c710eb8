-- The read model's per-key caches (store/read-model/keyed-cache.ts): Slack profiles by user id,
-- pending conversations by key and each person's chosen plan. A change names the key, and the cache drops it.
CREATE OR REPLACE FUNCTION concerto_keyed_row_changed() RETURNS trigger AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO model_changes (rec_id, what) SELECT DISTINCT %I, %L FROM old_rows', TG_ARGV[0], TG_ARGV[1]);
  ELSE
    EXECUTE format('INSERT INTO model_changes (rec_id, what) SELECT DISTINCT %I, %L FROM new_rows', TG_ARGV[0], TG_ARGV[1]);
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('concerto_model', '');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER slack_users_model_insert
  AFTER INSERT ON slack_users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('user_id', 'profile');
--> statement-breakpoint
CREATE TRIGGER slack_users_model_update
  AFTER UPDATE ON slack_users REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('user_id', 'profile');
--> statement-breakpoint
CREATE TRIGGER slack_users_model_delete
  AFTER DELETE ON slack_users REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('user_id', 'profile');
--> statement-breakpoint
CREATE TRIGGER conversations_model_insert
  AFTER INSERT ON conversations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('key', 'conversation');
--> statement-breakpoint
CREATE TRIGGER conversations_model_update
  AFTER UPDATE ON conversations REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('key', 'conversation');
--> statement-breakpoint
CREATE TRIGGER conversations_model_delete
  AFTER DELETE ON conversations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('key', 'conversation');
--> statement-breakpoint
CREATE TRIGGER plan_choices_model_insert
  AFTER INSERT ON plan_choices REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('person', 'choice');
--> statement-breakpoint
CREATE TRIGGER plan_choices_model_update
  AFTER UPDATE ON plan_choices REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('person', 'choice');
--> statement-breakpoint
CREATE TRIGGER plan_choices_model_delete
  AFTER DELETE ON plan_choices REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION concerto_keyed_row_changed('person', 'choice');
