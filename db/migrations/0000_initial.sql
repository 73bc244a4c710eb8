CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"rec_id" text,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"source" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"key" text PRIMARY KEY NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_dates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"rec_id" text NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"start" date,
	"end" date,
	"precision" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owners" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"as_of" date NOT NULL,
	"time_zone" text DEFAULT 'Europe/London' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_owners" (
	"plan_id" integer NOT NULL,
	"rec_id" text NOT NULL,
	"owner_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "recommendation_owners_plan_id_rec_id_owner_id_pk" PRIMARY KEY("plan_id","rec_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"plan_id" integer NOT NULL,
	"rec_id" text NOT NULL,
	"sort_key" text NOT NULL,
	"theme_id" integer NOT NULL,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"delivery_text" text NOT NULL,
	"delivery_start" date,
	"delivery_end" date,
	"delivery_precision" text NOT NULL,
	"delivery_revisions" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recommendations_plan_id_rec_id_pk" PRIMARY KEY("plan_id","rec_id")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"rec_id" text NOT NULL,
	"seq" integer NOT NULL,
	"date" date NOT NULL,
	"author" text,
	"text" text NOT NULL,
	"evidence" text,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "owners" ADD CONSTRAINT "owners_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_owners" ADD CONSTRAINT "recommendation_owners_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_rec" ON "audit_events" USING btree ("plan_id","rec_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_at" ON "audit_events" USING btree ("plan_id","at");--> statement-breakpoint
CREATE INDEX "conversations_expires" ON "conversations" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_dates_rec_seq" ON "delivery_dates" USING btree ("plan_id","rec_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "owners_plan_name" ON "owners" USING btree ("plan_id","name");--> statement-breakpoint
CREATE INDEX "recommendation_owners_owner" ON "recommendation_owners" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "recommendations_theme" ON "recommendations" USING btree ("plan_id","theme_id");--> statement-breakpoint
CREATE INDEX "recommendations_status" ON "recommendations" USING btree ("plan_id","status");--> statement-breakpoint
CREATE INDEX "recommendations_open_by_end" ON "recommendations" USING btree ("plan_id","delivery_end") WHERE status not in ('complete', 'not_being_implemented');--> statement-breakpoint
CREATE UNIQUE INDEX "themes_plan_name" ON "themes" USING btree ("plan_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "updates_rec_seq" ON "updates" USING btree ("plan_id","rec_id","seq");--> statement-breakpoint
CREATE INDEX "updates_date" ON "updates" USING btree ("plan_id","date");