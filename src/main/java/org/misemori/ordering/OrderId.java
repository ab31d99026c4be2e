package org.misemori.ordering;

/** An order, as the database numbers it; shown to people as its {@link #number()}. */
public record OrderId(long value) {

	public OrderId {
		if (value <= 0) {
			throw new IllegalArgumentException("An order id is positive");
		}
	}

	/** The order number a shopper quotes on the phone: eight digits, zero-padded. */
	public String number() {
		return "%08d".formatted(value);
	}

	/** An order number as typed by staff or a shopper ("00000042", "42", "#42"), if it is one. */
	public static java.util.Optional<OrderId> parse(String text) {
		String digits = text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
			.strip()
			.replaceFirst("^#", "");
		if (!digits.matches("\\d{1,15}") || Long.parseLong(digits) == 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new OrderId(Long.parseLong(digits)));
	}

}
