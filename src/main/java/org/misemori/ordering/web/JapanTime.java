package org.misemori.ordering.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the admin pages, in Japan's time zone whatever the server's (timestamps are stored in UTC). */
final class JapanTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	public String of(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant);
	}

	/** The delivery the shopper asked for, the slot in the page's language. */
	public String delivery(java.util.Optional<java.time.LocalDate> date, java.util.Optional<String> slot) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return date.map(Object::toString).orElse("-") + " "
				+ slot.flatMap(org.misemori.shipping.DeliverySlot::fromCode).map(s -> s.label(locale)).orElse("");
	}

	public String yen(long amount) {
		return "¥" + String.format(java.util.Locale.ROOT, "%,d", amount);
	}

}
