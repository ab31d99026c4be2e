package org.misemori.ordering.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.misemori.ordering.Quote;

/**
 * The fingerprint of everything a shopper is asked to pay for: each line's variant, price and
 * quantity, every fee, discount and point, and the total. Not a secret — it only has to change
 * whenever one of those does (the confirmation page carries it back).
 */
final class QuoteDigest {

	private QuoteDigest() {
	}

	static Quote sign(Quote quote) {
		StringBuilder text = new StringBuilder();
		quote.lines().forEach(line -> text.append(line.variantId()).append('x').append(line.quantity()).append('@')
			.append(line.unitPrice()).append(line.reduced() ? 'r' : 's').append(';'));
		text.append(quote.couponCode().orElse("")).append(';').append(quote.couponDiscount()).append(';')
			.append(quote.pointsUsed()).append(';').append(quote.pointsToEarn()).append(';').append(quote.shippingFee())
			.append(';').append(quote.codFee()).append(';').append(quote.total()).append(';').append(quote.payment());
		return new Quote(quote.lines(), quote.goodsSubtotal(), quote.couponCode(), quote.couponDiscount(),
				quote.pointsUsed(), quote.pointsToEarn(), quote.shippingFee(), quote.codFee(), quote.total(), quote.rates(),
				quote.payment(), quote.deliveryDate(), quote.deliverySlot(), sha256(text.toString()));
	}

	private static String sha256(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
