-- Market history is append-only (docs/SCHEMA.md): a night must be reproducible from the
-- database, so a stored close, FX rate or macro observation never changes or disappears.
-- Reuses the pack-content guard of 0001.
CREATE TRIGGER market_closes_immutable BEFORE UPDATE OR DELETE ON market_closes
  FOR EACH ROW EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER market_closes_no_truncate BEFORE TRUNCATE ON market_closes
  FOR EACH STATEMENT EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER market_fx_immutable BEFORE UPDATE OR DELETE ON market_fx
  FOR EACH ROW EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER market_fx_no_truncate BEFORE TRUNCATE ON market_fx
  FOR EACH STATEMENT EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER market_macro_immutable BEFORE UPDATE OR DELETE ON market_macro
  FOR EACH ROW EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER market_macro_no_truncate BEFORE TRUNCATE ON market_macro
  FOR EACH STATEMENT EXECUTE FUNCTION truth_spine_reject_pack_content_change();
