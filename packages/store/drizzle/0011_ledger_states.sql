CREATE TABLE "ledger_states" (
	"portfolio_id" text PRIMARY KEY NOT NULL,
	"ledger_digest" text NOT NULL,
	"format_version" integer NOT NULL,
	"state" text NOT NULL,
	"state_sha256" text NOT NULL,
	"run_id" text NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL
);
