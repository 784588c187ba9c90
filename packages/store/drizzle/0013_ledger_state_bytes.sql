-- ledger_states.state becomes the compressed state (format 2, bytea). The text states of
-- format 1 would never be trusted again (the step reads only the current format), so they
-- are deleted — a cache: the next night parses those ledgers and stores them anew.
DELETE FROM "ledger_states";--> statement-breakpoint
ALTER TABLE "ledger_states" ALTER COLUMN "state" SET DATA TYPE bytea USING convert_to("state", 'UTF8');--> statement-breakpoint
-- The bytes are already compressed: store them out of line without compressing them again.
ALTER TABLE "ledger_states" ALTER COLUMN "state" SET STORAGE EXTERNAL;
