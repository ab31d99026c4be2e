package org.misemori.ordering;

/**
 * What a shopper typed into the checkout form, exactly as sent: checkout validates every field
 * and names each one that is wrong. {@code recipientSame} means "deliver to the buyer"; the
 * recipient fields are then ignored. {@code prefecture} is its JIS code ("13" for 東京都),
 * {@code deliveryDate} ISO ("2026-11-25") or empty, {@code deliverySlot} a slot code or empty,
 * {@code points} the points the member wants to use, empty for none.
 */
public record CheckoutForm(String name, String kana, String email, String phone, String postalCode,
		String prefecture, String address, String building, boolean recipientSame, String recipientName,
		String recipientPhone, String deliveryDate, String deliverySlot, String payment, String couponCode,
		String points, String note) {

	/** Longest a single field may be, checked before anything else looks at it. */
	public static final int MAX_FIELD = 200;

	/** The shopper's note to the shop (gift wrapping, a delivery instruction). */
	public static final int MAX_NOTE = 1_000;

	public static CheckoutForm empty() {
		return new CheckoutForm("", "", "", "", "", "", "", "", true, "", "", "", "", "", "", "", "");
	}

}
