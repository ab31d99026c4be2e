package org.misemori.ordering.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;
import org.misemori.ordering.Carrier;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.PaymentMethod;
import org.misemori.ordering.Quote;
import org.misemori.payment.BankAccounts;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopId;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails of an order, in the shop's name, Japanese then English like every Misemori mail.
 * Queued in the order's transaction with a key per order and reason, so each is sent exactly
 * once whatever is retried.
 */
@Component
class OrderMails {

	private final MailOutbox outbox;

	private final ShopDirectory shops;

	private final MessageSource messages;

	private final BankAccounts bankAccounts;

	OrderMails(MailOutbox outbox, ShopDirectory shops, MessageSource messages, BankAccounts bankAccounts) {
		this.outbox = outbox;
		this.shops = shops;
		this.messages = messages;
		this.bankAccounts = bankAccounts;
	}

	/** @param registrationNumber the shop's 適格請求書発行事業者 number, or null: the mail is then not a qualified invoice */
	void confirmation(ShopId shopId, long orderId, Quote quote, ShopperDetails shopper, String registrationNumber,
			Instant placedAt) {
		Shop shop = shops.findById(shopId).orElseThrow();
		OrderId id = new OrderId(orderId);
		Optional<OrderMailText.Transfer> transfer = quote.payment() != PaymentMethod.BANK_TRANSFER ? Optional.empty()
				: bankAccounts.current().map(account -> new OrderMailText.Transfer(account, payBy(placedAt)));
		String body = new OrderMailText(messages, Locale.JAPANESE).confirmation(shop, id, quote, shopper, registrationNumber,
				transfer) + "\n\n----\n\n"
				+ new OrderMailText(messages, Locale.ENGLISH).confirmation(shop, id, quote, shopper, registrationNumber,
						transfer);
		send(shop, shopper.email(), "ordering.mail.placed", id, body, "order-placed:" + shopId.value() + ":" + orderId);
	}

	/** The last day (Japan's calendar) to transfer for an order placed then: {@link BankAccounts#DAYS_TO_PAY} days on. */
	static LocalDate payBy(Instant placedAt) {
		return LocalDate.ofInstant(placedAt, CheckoutService.JAPAN).plusDays(BankAccounts.DAYS_TO_PAY);
	}

	void shipped(ShopId shopId, OrderId id, String email, String recipientName, Carrier carrier, String trackingNumber) {
		Shop shop = shops.findById(shopId).orElseThrow();
		String body = shippedText(Locale.JAPANESE, shop, id, recipientName, carrier, trackingNumber) + "\n\n----\n\n"
				+ shippedText(Locale.ENGLISH, shop, id, recipientName, carrier, trackingNumber);
		send(shop, email, "ordering.mail.shipped", id, body, "order-shipped:" + shopId.value() + ":" + id.value());
	}

	void cancelled(ShopId shopId, OrderId id, String email, String buyerName) {
		Shop shop = shops.findById(shopId).orElseThrow();
		Object[] arguments = { shop.name(), id.number(), buyerName };
		String body = messages.getMessage("ordering.mail.cancelled.body", arguments, Locale.JAPANESE) + "\n\n----\n\n"
				+ messages.getMessage("ordering.mail.cancelled.body", arguments, Locale.ENGLISH);
		send(shop, email, "ordering.mail.cancelled", id, body, "order-cancelled:" + shopId.value() + ":" + id.value());
	}

	private String shippedText(Locale locale, Shop shop, OrderId id, String recipientName, Carrier carrier,
			String trackingNumber) {
		String link = carrier.trackingUrl(trackingNumber);
		Object[] arguments = { shop.name(), id.number(), recipientName,
				messages.getMessage(carrier.messageKey(), null, locale), trackingNumber,
				link.isEmpty() ? "" : link };
		return messages.getMessage("ordering.mail.shipped.body", arguments, locale);
	}

	private void send(Shop shop, String to, String key, OrderId id, String body, String dedupeKey) {
		String subject = "【" + shop.name() + "】" + messages.getMessage(key + ".subject", new Object[] { id.number() },
				Locale.JAPANESE) + " / " + messages.getMessage(key + ".subject", new Object[] { id.number() }, Locale.ENGLISH);
		outbox.enqueue(new OutboundMail(to, subject, body, dedupeKey, shop.id().value()));
	}

}
