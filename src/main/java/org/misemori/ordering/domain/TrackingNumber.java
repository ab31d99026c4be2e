package org.misemori.ordering.domain;

import java.text.Normalizer;

import org.misemori.ordering.OrderingException;

/** A carrier's tracking number as staff type or paste it: full-width made half-width, spaces dropped, then checked. */
final class TrackingNumber {

	private TrackingNumber() {
	}

	static String normalise(String typed) {
		String text = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s", "");
		if (text.isEmpty()) {
			throw new OrderingException("trackingNumber", "ordering.field.trackingNumber.required");
		}
		if (!text.matches("[0-9A-Za-z-]{4,40}")) {
			throw new OrderingException("trackingNumber", "ordering.field.trackingNumber.invalid");
		}
		return text;
	}

}
