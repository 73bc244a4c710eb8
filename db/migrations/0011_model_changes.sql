CREATE TABLE "model_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"plan_id" integer,
	"rec_id" text,
	"what" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "model_changes_tx" ON "model_changes" USING btree ("tx");--> statement-breakpoint
CREATE INDEX "model_changes_at" ON "model_changes" USING btree ("at");