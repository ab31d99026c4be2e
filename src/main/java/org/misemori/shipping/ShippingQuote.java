package org.misemori.shipping;

/**
 * What shipping one order costs the shopper, tax included.
 * @param free true when the merchandise total reached the shop's free-shipping threshold; the
 * cool surcharge is charged even then (the carrier charges the shop for it regardless)
 */
public record ShippingQuote(long feeYen, long coolSurchargeYen, boolean free) {

	public long total() {
		return feeYen + coolSurchargeYen;
	}

}
