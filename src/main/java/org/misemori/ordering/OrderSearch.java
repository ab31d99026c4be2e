package org.misemori.ordering;

import java.time.LocalDate;
import java.util.Optional;

/** Staff's filters on the order list; every one optional. Dates are Japan's calendar days, both inclusive. */
public record OrderSearch(Optional<OrderStatus> status, Optional<OrderId> number, Optional<String> buyerEmail,
		Optional<LocalDate> from, Optional<LocalDate> to) {

	public static OrderSearch everything() {
		return new OrderSearch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
	}

}
