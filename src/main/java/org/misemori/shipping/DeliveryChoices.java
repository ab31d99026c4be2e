package org.misemori.shipping;

import java.time.LocalDate;
import java.util.List;

/** The delivery dates and time slots a shopper may choose from for an order placed on a given day. */
public record DeliveryChoices(List<LocalDate> dates, List<DeliverySlot> slots) {

	public DeliveryChoices {
		dates = List.copyOf(dates);
		slots = List.copyOf(slots);
	}

}
