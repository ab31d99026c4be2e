-- A shop's storefront generation: a number that changes, in the same transaction, whenever
-- something its catalog pages show changes. Application nodes keep rendered catalog pages
-- (storefront.web.ShopperPageCache) only while the generation they were rendered at is still
-- the shop's, re-reading the generations of the shops they hold pages for several times a
-- second. So every node stops serving a stale page within that interval of the commit that
-- made it stale, whichever node or tool made the change.
--
-- Kept by triggers, not by application code, so that no write path (an admin form, a CSV
-- import, a checkout taking the last unit, a migration, a hand-run UPDATE) can forget it.
-- Values come from one sequence: only equality is ever compared, never order.
CREATE SEQUENCE platform.storefront_generation;

ALTER TABLE platform.shop
    ADD COLUMN storefront_generation bigint NOT NULL DEFAULT nextval('platform.storefront_generation');
GRANT SELECT (storefront_generation) ON platform.shop TO misemori_app, misemori_operator;
-- Opening a shop (its default) and closing it (the trigger below) are operator work.
GRANT USAGE ON SEQUENCE platform.storefront_generation TO misemori_operator;

-- A shop's own facts that pages show (name, code, host) or that stop them (status).
CREATE FUNCTION platform.shop_storefront_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF (NEW.status, NEW.name, NEW.code, NEW.host_name) IS DISTINCT FROM (OLD.status, OLD.name, OLD.code, OLD.host_name) THEN
        NEW.storefront_generation := nextval('platform.storefront_generation');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER storefront_generation BEFORE UPDATE ON platform.shop
    FOR EACH ROW EXECUTE FUNCTION platform.shop_storefront_changed();

-- For the tables of other modules whose rows pages show: a deferred constraint trigger calls
-- this at commit, after all of the transaction's own row locks are taken, so that taking the
-- shop's row here cannot deadlock with them (two checkouts each holding a variant and waiting
-- for the shop's row). It runs as the owner: the runtime role may not update shops. One bump
-- per shop and transaction is enough: a row version this transaction already wrote is skipped.
CREATE FUNCTION platform.storefront_source_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    UPDATE platform.shop
       SET storefront_generation = nextval('platform.storefront_generation')
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.shop_id ELSE NEW.shop_id END
       AND xmin <> pg_current_xact_id()::xid;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION platform.storefront_source_changed() FROM PUBLIC;
