-- What a shop's catalog pages (home, product, collection, search) are made of: each change to
-- these rows moves the shop's storefront generation (V48), which retires every node's
-- rendered copies of its pages. Variants are the exception: checkouts change their stock all
-- the time, and a page shows only whether a variant can still be bought, so a stock change
-- counts only when it crosses zero.
DO $$
DECLARE
    source text;
BEGIN
    FOREACH source IN ARRAY ARRAY['platform.shop_profile', 'catalog.product', 'catalog.category',
                                  'catalog.product_category', 'catalog.product_image',
                                  'theme.template_version'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER storefront_generation
                        AFTER INSERT OR UPDATE OR DELETE ON %s
                        DEFERRABLE INITIALLY DEFERRED
                        FOR EACH ROW EXECUTE FUNCTION platform.storefront_source_changed()', source);
    END LOOP;
END
$$;

CREATE CONSTRAINT TRIGGER storefront_generation_added_or_removed
    AFTER INSERT OR DELETE ON catalog.variant
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION platform.storefront_source_changed();

CREATE CONSTRAINT TRIGGER storefront_generation_changed
    AFTER UPDATE ON catalog.variant
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD.on_hand - OLD.reserved > 0) IS DISTINCT FROM (NEW.on_hand - NEW.reserved > 0)
          OR (OLD.sku, OLD.price_yen, OLD.option1_label, OLD.option1_value, OLD.option2_label,
              OLD.option2_value, OLD.option3_label, OLD.option3_value)
             IS DISTINCT FROM
             (NEW.sku, NEW.price_yen, NEW.option1_label, NEW.option1_value, NEW.option2_label,
              NEW.option2_value, NEW.option3_label, NEW.option3_value))
    EXECUTE FUNCTION platform.storefront_source_changed();
