package org.misemori.ordering.domain;

import java.util.List;
import java.util.Optional;

import org.misemori.ordering.Carrier;
import org.misemori.ordering.OrderDetails;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.Quote;
import org.misemori.platform.ShopId;
import org.misemori.shipping.Prefecture;
import org.misemori.vault.PersonalDataReader;

import org.springframework.stereotype.Component;

/** Opens an order's sealed values through the vault's reader, so every look at them is on record. */
@Component
class OrderReading {

	static final String SUBJECT = "ORDER";

	private final PersonalDataReader reader;

	OrderReading(PersonalDataReader reader) {
		this.reader = reader;
	}

	OrderDetails open(ShopId shop, StoredOrder order, List<Quote.Line> lines, List<StoredStatusChange> history,
			String purpose) {
		try (PersonalDataReader.Reading reading = reader.open(shop, SUBJECT, purpose)) {
			long id = order.id().value();
			String prefecture = Prefecture.fromJisCode(field(reading, order, "prefecture"))
				.map(Prefecture::japaneseName)
				.orElse("");
			OrderDetails.Party buyer = new OrderDetails.Party(field(reading, order, "buyer_name"),
					field(reading, order, "buyer_kana"), field(reading, order, "buyer_email"),
					field(reading, order, "buyer_phone"), "", "", "", "");
			OrderDetails.Party recipient = new OrderDetails.Party(field(reading, order, "recipient_name"), "", "",
					field(reading, order, "recipient_phone"), field(reading, order, "postal_code"), prefecture,
					field(reading, order, "address"), field(reading, order, "building"));
			return new OrderDetails(order.id(), order.memberId(), order.status(), order.payment(), order.placedAt(),
					lines, order.goodsSubtotal(), Optional.ofNullable(order.couponCode()), order.couponDiscount(),
					order.pointsUsed(), order.pointsEarned(), order.shippingFee(), order.codFee(), order.total(),
					order.rates().stream().filter(rate -> rate.total() != 0).toList(),
					Optional.ofNullable(order.registrationNumber()), Optional.ofNullable(order.deliveryDate()),
					Optional.ofNullable(order.deliverySlot()), Optional.ofNullable(order.carrier()).map(Carrier::valueOf),
					Optional.ofNullable(order.trackingNumber()), buyer, recipient, field(reading, order, "note"),
					history.stream().map(OrderReading::change).toList());
		}
	}

	/** Just what a mail to the buyer needs. */
	Contact contact(ShopId shop, StoredOrder order, String purpose) {
		try (PersonalDataReader.Reading reading = reader.open(shop, SUBJECT, purpose)) {
			return new Contact(field(reading, order, "buyer_email"), field(reading, order, "buyer_name"),
					field(reading, order, "recipient_name"));
		}
	}

	private static String field(PersonalDataReader.Reading reading, StoredOrder order, String column) {
		String value = reading.field(OrderSeals.field(column, order.id().value()), order.sealed(column));
		return value == null ? "" : value;
	}

	private static OrderDetails.StatusChange change(StoredStatusChange change) {
		return new OrderDetails.StatusChange(Optional.ofNullable(change.from()).map(OrderStatus::valueOf),
				OrderStatus.valueOf(change.to()), change.at(), change.by());
	}

	record Contact(String email, String buyerName, String recipientName) {
	}

}
