package org.misemori.shipping;

/**
 * One step of the cash-on-delivery fee table: amounts to collect up to and including
 * {@code upToYen} cost {@code feeYen}.
 */
public record CodFeeTier(long upToYen, long feeYen) {

	public CodFeeTier {
		if (upToYen < 1) {
			throw new ShippingException("shipping.cod.tier.upTo.invalid");
		}
		if (feeYen < 0) {
			throw new ShippingException("shipping.cod.tier.fee.negative");
		}
	}

}
