CREATE TABLE "boards" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"board_id" integer NOT NULL,
	"meeting_id" integer,
	"decided_on" date NOT NULL,
	"text" text NOT NULL,
	"affects" text[] DEFAULT '{}'::text[] NOT NULL,
	"supersedes" bigint,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"actor_id" text,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"board_id" integer NOT NULL,
	"date" date NOT NULL,
	"papers_by" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "waiting_on" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "waiting_board" text;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "boards_plan_name" ON "boards" USING btree ("plan_id","name");--> statement-breakpoint
CREATE INDEX "decisions_plan_day" ON "decisions" USING btree ("plan_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_supersedes" ON "decisions" USING btree ("supersedes");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_board_date" ON "meetings" USING btree ("board_id","date");--> statement-breakpoint
CREATE INDEX "meetings_plan_date" ON "meetings" USING btree ("plan_id","date");