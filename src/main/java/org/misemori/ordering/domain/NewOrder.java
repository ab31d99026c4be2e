package org.misemori.ordering.domain;

import java.time.Instant;
import java.util.Map;

import org.misemori.ordering.Quote;

/** An order about to be written: its priced quote, its sealed personal values, and who placed it how. */
record NewOrder(long shopId, long id, byte[] checkoutKeyHash, Long memberId, Quote quote, String locale,
		Instant placedAt, String rounding, String registrationNumber, byte[] buyerEmailIndex,
		Map<String, byte[]> sealed) {
}
