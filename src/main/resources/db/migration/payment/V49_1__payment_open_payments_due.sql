-- The reconciliation's look across shops: which payments are still open and have been quiet
-- for a while (the shopper left the provider's page, Misemori was down when the webhook came).
-- It answers shop and order ids, the status and since when, nothing about anyone, so the runtime role may ask it
-- every minute without the cross-shop role (and an audit entry for each look); each payment is
-- then asked about and settled in its own shop's tenant context, under row-level security.
--
-- The function runs as the owner. Row-level security is forced on the table, so the owner
-- needs a policy of its own to see the rows: read-only, and given to the role that owns the
-- table anyway (and could switch row-level security off), so nothing is widened.
-- (CURRENT_USER: whoever runs the migrations is the owner, whatever the role is called.)
CREATE POLICY reconciliation ON payment.order_payment FOR SELECT TO CURRENT_USER USING (true);

CREATE FUNCTION payment.open_payments_due(quiet_since timestamptz, max_rows integer)
    RETURNS TABLE (shop_id bigint, order_id bigint, status text, quiet_since timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT p.shop_id, p.order_id, p.status, p.updated_at
      FROM payment.order_payment p
     WHERE p.status IN ('REQUIRES_PAYMENT', 'AWAITING_KONBINI', 'UNDER_REVIEW')
       AND p.updated_at < quiet_since
     ORDER BY p.updated_at
     LIMIT least(max_rows, 500)
$$;
REVOKE ALL ON FUNCTION payment.open_payments_due(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION payment.open_payments_due(timestamptz, integer) TO misemori_app;
