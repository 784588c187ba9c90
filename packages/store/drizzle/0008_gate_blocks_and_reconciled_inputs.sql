CREATE TABLE "pack_blocks" (
	"id" serial PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"run_id" text NOT NULL,
	"step" text NOT NULL,
	"reason" text NOT NULL,
	"blocked_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by_run_id" text
);
--> statement-breakpoint
CREATE TABLE "reconciled_inputs" (
	"run_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"ledger_digest" text,
	"ledger_files" jsonb,
	"books_fingerprint" bigint NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconciled_inputs_run_id_portfolio_id_pk" PRIMARY KEY("run_id","portfolio_id")
);
--> statement-breakpoint
ALTER TABLE "pack_blocks" ADD CONSTRAINT "pack_blocks_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_blocks" ADD CONSTRAINT "pack_blocks_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_blocks" ADD CONSTRAINT "pack_blocks_cleared_by_run_id_runs_id_fk" FOREIGN KEY ("cleared_by_run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pack_blocks_open" ON "pack_blocks" USING btree ("pack_id") WHERE "pack_blocks"."cleared_at" is null;