CREATE TABLE "alert_channel_deliveries" (
	"event_id" integer NOT NULL,
	"channel" text NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_channel_deliveries_event_id_channel_pk" PRIMARY KEY("event_id","channel")
);
--> statement-breakpoint
CREATE TABLE "market_closes" (
	"symbol" text NOT NULL,
	"date" date NOT NULL,
	"close" numeric NOT NULL,
	"currency" text NOT NULL,
	"provider" text NOT NULL,
	"fallback_used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "market_closes_symbol_date_pk" PRIMARY KEY("symbol","date")
);
--> statement-breakpoint
CREATE TABLE "market_coverage" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	CONSTRAINT "market_coverage_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE TABLE "market_fx" (
	"base" text NOT NULL,
	"quote" text NOT NULL,
	"date" date NOT NULL,
	"rate" numeric NOT NULL,
	"provider" text NOT NULL,
	"fallback_used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "market_fx_base_quote_date_pk" PRIMARY KEY("base","quote","date")
);
--> statement-breakpoint
CREATE TABLE "market_macro" (
	"series" text NOT NULL,
	"date" date NOT NULL,
	"value" numeric,
	"provider" text NOT NULL,
	"fallback_used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "market_macro_series_date_pk" PRIMARY KEY("series","date")
);
--> statement-breakpoint
ALTER TABLE "alert_events" DROP CONSTRAINT "alert_events_rule_id_alert_rules_id_fk";
--> statement-breakpoint
ALTER TABLE "alert_events" ADD COLUMN "scope_key" text;--> statement-breakpoint
ALTER TABLE "alert_events" ADD COLUMN "episode_start" date;--> statement-breakpoint
ALTER TABLE "alert_events" ADD COLUMN "firing" integer;--> statement-breakpoint
ALTER TABLE "alert_events" ADD COLUMN "channels" jsonb;--> statement-breakpoint
ALTER TABLE "alert_channel_deliveries" ADD CONSTRAINT "alert_channel_deliveries_event_id_alert_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."alert_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_states" DROP COLUMN "episode_started_at";--> statement-breakpoint
ALTER TABLE "alert_states" DROP COLUMN "last_fired_at";