package org.misemori.ordering.domain;

import java.time.LocalDate;
import java.util.Optional;

import org.misemori.ordering.PaymentMethod;
import org.misemori.shipping.DeliverySlot;

/** A checkout form with every field valid, ready to be priced. */
record ValidCheckout(ShopperDetails shopper, Optional<LocalDate> deliveryDate, Optional<DeliverySlot> slot,
		PaymentMethod payment, Optional<String> couponCode, long points) {
}
