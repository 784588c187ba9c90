CREATE TABLE "history_chunks" (
	"lineage_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"chunk" integer NOT NULL,
	"epoch_days" "bytea" NOT NULL,
	"values" "bytea" NOT NULL,
	"external_flows" "bytea" NOT NULL,
	"returns_into" "bytea" NOT NULL,
	CONSTRAINT "history_chunks_lineage_id_chunk_pk" PRIMARY KEY("lineage_id","chunk")
);
--> statement-breakpoint
ALTER TABLE "return_series" ALTER COLUMN "epoch_days" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "return_series" ALTER COLUMN "values" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "return_series" ALTER COLUMN "returns" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "return_series" ALTER COLUMN "external_flows" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "return_series" ADD COLUMN "lineage_id" text;--> statement-breakpoint
ALTER TABLE "history_chunks" ADD CONSTRAINT "history_chunks_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_series_lineage" ON "return_series" USING btree ("lineage_id","n_obs");--> statement-breakpoint
ALTER TABLE "return_series" ADD CONSTRAINT "return_series_inline_or_lineage" CHECK (("return_series"."lineage_id" is null) = ("return_series"."epoch_days" is not null and "return_series"."values" is not null and "return_series"."returns" is not null and "return_series"."external_flows" is not null));