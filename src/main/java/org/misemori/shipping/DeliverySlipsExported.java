package org.misemori.shipping;

/**
 * Someone downloaded a delivery-slip file: it holds recipients' names, addresses and phone
 * numbers, so whoever builds it with {@link DeliverySlips} publishes this for the audit log.
 * @param actor as {@code <shop code>/<login ID>}
 * @param carrier "yamato-b2" or "sagawa-ehiden"
 * @param orderNumbers the orders in the file, comma-separated (order numbers are not personal data)
 */
public record DeliverySlipsExported(long shopId, String actor, String carrier, int slips, String orderNumbers) {

}
