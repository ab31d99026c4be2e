package org.misemori.shipping;

/**
 * A shop's shipping fees, COD fees or delivery options changed; published for the audit log,
 * since they decide what every later order costs.
 * @param changedBy as {@code <shop code>/<login ID>}
 */
public record ShippingSettingsChanged(long shopId, String changedBy, String before, String after) {

}
