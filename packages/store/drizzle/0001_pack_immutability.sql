-- Pricing packs are immutable (docs/ARCHITECTURE.md#the-pricing-pack): the database itself rejects any change to pack
-- contents, whatever the application does. Custom migration (drizzle-kit --custom).
CREATE FUNCTION truth_spine_reject_pack_content_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'pack contents are immutable: % on % rejected', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER pack_prices_immutable BEFORE UPDATE OR DELETE ON pack_prices
  FOR EACH ROW EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER pack_prices_no_truncate BEFORE TRUNCATE ON pack_prices
  FOR EACH STATEMENT EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER pack_fx_immutable BEFORE UPDATE OR DELETE ON pack_fx
  FOR EACH ROW EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER pack_fx_no_truncate BEFORE TRUNCATE ON pack_fx
  FOR EACH STATEMENT EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER pack_macro_immutable BEFORE UPDATE OR DELETE ON pack_macro
  FOR EACH ROW EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
CREATE TRIGGER pack_macro_no_truncate BEFORE TRUNCATE ON pack_macro
  FOR EACH STATEMENT EXECUTE FUNCTION truth_spine_reject_pack_content_change();
--> statement-breakpoint
-- A pack row may only move warming → fresh, warming → superseded or fresh → superseded,
-- setting fresh_at (once, on fresh) and superseded_by (once, on superseded); nothing else
-- may change and a pack is never deleted.
CREATE FUNCTION truth_spine_guard_pack_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'packs are immutable: DELETE of pack % rejected', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id
     OR NEW.as_of IS DISTINCT FROM OLD.as_of
     OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR NEW.price_count IS DISTINCT FROM OLD.price_count
     OR NEW.fx_count IS DISTINCT FROM OLD.fx_count
     OR NEW.macro_count IS DISTINCT FROM OLD.macro_count THEN
    RAISE EXCEPTION 'packs are immutable: only status, fresh_at and superseded_by of pack % may change', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'warming' AND NEW.status IN ('fresh', 'superseded'))
       OR (OLD.status = 'fresh' AND NEW.status = 'superseded')) THEN
    RAISE EXCEPTION 'pack % cannot move from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.fresh_at IS DISTINCT FROM OLD.fresh_at
     AND NOT (OLD.fresh_at IS NULL AND OLD.status = 'warming' AND NEW.status = 'fresh') THEN
    RAISE EXCEPTION 'fresh_at of pack % is set once, when it becomes fresh', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.superseded_by IS DISTINCT FROM OLD.superseded_by
     AND NOT (OLD.superseded_by IS NULL AND NEW.status = 'superseded') THEN
    RAISE EXCEPTION 'superseded_by of pack % is set once, when it is superseded', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER packs_guarded BEFORE UPDATE OR DELETE ON packs
  FOR EACH ROW EXECUTE FUNCTION truth_spine_guard_pack_row();
--> statement-breakpoint
CREATE TRIGGER packs_no_truncate BEFORE TRUNCATE ON packs
  FOR EACH STATEMENT EXECUTE FUNCTION truth_spine_reject_pack_content_change();
