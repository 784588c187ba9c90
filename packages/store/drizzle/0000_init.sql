CREATE TABLE "alert_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"channel" text NOT NULL,
	"attempt" integer NOT NULL,
	"status" text NOT NULL,
	"http_status" integer,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "alert_deliveries_attempt" UNIQUE("event_id","channel","attempt")
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"rule_id" text,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"run_id" text,
	"pack_id" text,
	"as_of" date,
	"subject" text,
	"message" text NOT NULL,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_events_idempotency_key" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"scope" jsonb NOT NULL,
	"params" jsonb NOT NULL,
	"severity" text NOT NULL,
	"channels" jsonb NOT NULL,
	"cooldown_seconds" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_states" (
	"rule_id" text NOT NULL,
	"scope_key" text NOT NULL,
	"active" boolean NOT NULL,
	"episode_started_at" timestamp with time zone,
	"last_fired_at" timestamp with time zone,
	"firings" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_states_rule_id_scope_key_pk" PRIMARY KEY("rule_id","scope_key")
);
--> statement-breakpoint
CREATE TABLE "dead_letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"run_id" text,
	"step" text,
	"as_of" date,
	"pack_id" text,
	"payload" jsonb NOT NULL,
	"error" text NOT NULL,
	"attempts" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replayed_at" timestamp with time zone,
	"replay_result" text
);
--> statement-breakpoint
CREATE TABLE "factor_exposures" (
	"pack_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"window" text NOT NULL,
	"factor" text NOT NULL,
	"loading" double precision,
	"standard_error" double precision,
	"t_value" double precision,
	"contribution" double precision,
	"reason" text,
	"details" jsonb,
	CONSTRAINT "factor_exposures_pack_id_portfolio_id_window_factor_pk" PRIMARY KEY("pack_id","portfolio_id","window","factor")
);
--> statement-breakpoint
CREATE TABLE "metrics" (
	"pack_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"metric" text NOT NULL,
	"value" double precision,
	"reason" text,
	"first_date" date,
	"last_date" date,
	"n_obs" integer,
	"details" jsonb,
	CONSTRAINT "metrics_pack_id_portfolio_id_metric_pk" PRIMARY KEY("pack_id","portfolio_id","metric"),
	CONSTRAINT "metrics_value_or_reason" CHECK (("metrics"."value" is null) = ("metrics"."reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "pack_fx" (
	"pack_id" text NOT NULL,
	"base" text NOT NULL,
	"quote" text NOT NULL,
	"rate" numeric NOT NULL,
	"provider" text NOT NULL,
	"fallback_used" boolean NOT NULL,
	"carried_forward" boolean NOT NULL,
	"source_date" date NOT NULL,
	CONSTRAINT "pack_fx_pack_id_base_quote_pk" PRIMARY KEY("pack_id","base","quote")
);
--> statement-breakpoint
CREATE TABLE "pack_macro" (
	"pack_id" text NOT NULL,
	"series" text NOT NULL,
	"value" numeric NOT NULL,
	"provider" text NOT NULL,
	"fallback_used" boolean NOT NULL,
	"carried_forward" boolean NOT NULL,
	"source_date" date NOT NULL,
	CONSTRAINT "pack_macro_pack_id_series_pk" PRIMARY KEY("pack_id","series")
);
--> statement-breakpoint
CREATE TABLE "pack_prices" (
	"pack_id" text NOT NULL,
	"symbol" text NOT NULL,
	"close" numeric NOT NULL,
	"currency" text NOT NULL,
	"provider" text NOT NULL,
	"fallback_used" boolean NOT NULL,
	"carried_forward" boolean NOT NULL,
	"source_date" date NOT NULL,
	CONSTRAINT "pack_prices_pack_id_symbol_pk" PRIMARY KEY("pack_id","symbol")
);
--> statement-breakpoint
CREATE TABLE "packs" (
	"id" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"version" integer NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'warming' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fresh_at" timestamp with time zone,
	"superseded_by" text,
	"price_count" integer NOT NULL,
	"fx_count" integer NOT NULL,
	"macro_count" integer NOT NULL,
	CONSTRAINT "packs_as_of_version" UNIQUE("as_of","version")
);
--> statement-breakpoint
CREATE TABLE "portfolios" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"base_currency" text NOT NULL,
	"benchmark" text NOT NULL,
	"inception" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"pack_id" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"score" double precision,
	"reason" text,
	"coverage" double precision,
	"components" jsonb,
	CONSTRAINT "ratings_pack_id_subject_kind_subject_id_pk" PRIMARY KEY("pack_id","subject_kind","subject_id"),
	CONSTRAINT "ratings_score_or_reason" CHECK (("ratings"."score" is null) = ("ratings"."reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "reconciliation_breaks" (
	"id" serial PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text,
	"platform" numeric,
	"ledger" numeric,
	"size_base" numeric,
	"size_bp" double precision,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliation_results" (
	"pack_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"run_id" text NOT NULL,
	"ok" boolean NOT NULL,
	"platform_value" numeric,
	"ledger_value" numeric,
	"difference_bp" double precision,
	"break_count" integer NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconciliation_results_pack_id_portfolio_id_pk" PRIMARY KEY("pack_id","portfolio_id")
);
--> statement-breakpoint
CREATE TABLE "regimes" (
	"pack_id" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"regime" text,
	"growth_signal" double precision,
	"inflation_signal" double precision,
	"confidence" double precision,
	"changed" boolean,
	"reason" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "return_series" (
	"pack_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"n_obs" integer NOT NULL,
	"epoch_days" "bytea" NOT NULL,
	"values" "bytea" NOT NULL,
	"returns" "bytea" NOT NULL,
	"external_flows" "bytea" NOT NULL,
	CONSTRAINT "return_series_pack_id_portfolio_id_pk" PRIMARY KEY("pack_id","portfolio_id")
);
--> statement-breakpoint
CREATE TABLE "run_steps" (
	"run_id" text NOT NULL,
	"step" text NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"seconds" double precision,
	"error" text,
	"blocked_by" text,
	"details" jsonb,
	CONSTRAINT "run_steps_run_id_step_pk" PRIMARY KEY("run_id","step")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"blocked_at" text,
	"pack_id" text,
	"pack_deadline_missed" boolean DEFAULT false NOT NULL,
	"run_deadline_missed" boolean DEFAULT false NOT NULL,
	"error" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "securities" (
	"symbol" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"kind" text NOT NULL,
	"country" text,
	"adr_ratio" numeric,
	"underlying" text,
	"underlying_currency" text,
	CONSTRAINT "securities_adr_fields" CHECK (("securities"."kind" = 'adr') = ("securities"."adr_ratio" is not null and "securities"."underlying" is not null))
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" serial PRIMARY KEY NOT NULL,
	"portfolio_id" text NOT NULL,
	"external_id" text NOT NULL,
	"trade_date" date NOT NULL,
	"settle_date" date,
	"type" text NOT NULL,
	"symbol" text,
	"quantity" numeric,
	"price" numeric,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"ex_date" date,
	"pay_date" date,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "transactions_external_id" UNIQUE("portfolio_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "valuations" (
	"pack_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"as_of" date NOT NULL,
	"base_currency" text NOT NULL,
	"market_value" numeric NOT NULL,
	"securities_value" numeric NOT NULL,
	"cash_value" numeric NOT NULL,
	"positions" integer NOT NULL,
	CONSTRAINT "valuations_pack_id_portfolio_id_pk" PRIMARY KEY("pack_id","portfolio_id")
);
--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_event_id_alert_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."alert_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dead_letters" ADD CONSTRAINT "dead_letters_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_exposures" ADD CONSTRAINT "factor_exposures_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_exposures" ADD CONSTRAINT "factor_exposures_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_fx" ADD CONSTRAINT "pack_fx_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_macro" ADD CONSTRAINT "pack_macro_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_prices" ADD CONSTRAINT "pack_prices_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_results" ADD CONSTRAINT "reconciliation_results_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_results" ADD CONSTRAINT "reconciliation_results_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regimes" ADD CONSTRAINT "regimes_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_series" ADD CONSTRAINT "return_series_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_series" ADD CONSTRAINT "return_series_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_steps" ADD CONSTRAINT "run_steps_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_deliveries_delivered_once" ON "alert_deliveries" USING btree ("event_id","channel") WHERE "alert_deliveries"."status" = 'delivered';--> statement-breakpoint
CREATE INDEX "alert_events_kind_created" ON "alert_events" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "dead_letters_pending" ON "dead_letters" USING btree ("created_at") WHERE "dead_letters"."replayed_at" is null;--> statement-breakpoint
CREATE INDEX "packs_as_of" ON "packs" USING btree ("as_of");--> statement-breakpoint
CREATE INDEX "reconciliation_breaks_pack_portfolio" ON "reconciliation_breaks" USING btree ("pack_id","portfolio_id");--> statement-breakpoint
CREATE UNIQUE INDEX "runs_one_running_per_date" ON "runs" USING btree ("as_of") WHERE "runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "runs_as_of" ON "runs" USING btree ("as_of");--> statement-breakpoint
CREATE INDEX "runs_started_at" ON "runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "transactions_portfolio_date" ON "transactions" USING btree ("portfolio_id","trade_date");