-- Crypto-shredding must stay shredded: once a shop is purged, no key is ever made for it again
-- (a later read would otherwise quietly create a fresh keyset under the purged shop's id).
CREATE FUNCTION vault.refuse_keys_for_purged_shops() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, platform
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM platform.shop WHERE id = NEW.shop_id AND status = 'PURGED') THEN
        RAISE EXCEPTION 'shop % is purged: its keys were destroyed and are never made again', NEW.shop_id
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER shop_keyset_not_for_purged_shops
    BEFORE INSERT ON vault.shop_keyset
    FOR EACH ROW EXECUTE FUNCTION vault.refuse_keys_for_purged_shops();
