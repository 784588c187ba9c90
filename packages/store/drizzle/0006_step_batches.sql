CREATE TABLE "step_batches" (
	"run_id" text NOT NULL,
	"step" text NOT NULL,
	"batch_no" integer NOT NULL,
	"portfolio_ids" text[] NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"worker" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"seconds" double precision,
	"error" text,
	"details" jsonb,
	CONSTRAINT "step_batches_run_id_step_batch_no_pk" PRIMARY KEY("run_id","step","batch_no")
);
--> statement-breakpoint
ALTER TABLE "step_batches" ADD CONSTRAINT "step_batches_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "step_batches_worker_finished" ON "step_batches" USING btree ("worker","finished_at");