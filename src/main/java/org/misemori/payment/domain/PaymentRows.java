package org.misemori.payment.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.misemori.payment.CardFacts;
import org.misemori.payment.CardPage;
import org.misemori.payment.KonbiniSlip;
import org.misemori.payment.OpenedPayment;
import org.misemori.payment.OrderPayment;
import org.misemori.payment.PaymentKind;
import org.misemori.payment.PaymentStatus;
import org.misemori.payment.ProviderPayment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Order-payment and provider-event rows; row-level security limits every statement to the current shop. */
@Component
class PaymentRows {

	private static final String COLUMNS = """
			order_id, method, status, amount, captured_amount, refunded_amount, card_brand, card_last4,
			card_exp_month, card_exp_year, konbini_number, konbini_deadline, decline_code, held_reason""";

	private final JdbcClient jdbc;

	PaymentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The order's payment; a second attach of the same order changes nothing (a retried "place order"). */
	void insert(long shopId, long orderId, OpenedPayment opened, Instant now) {
		ProviderPayment payment = opened.payment();
		jdbc.sql("""
				INSERT INTO payment.order_payment (shop_id, order_id, method, provider, provider_session_id,
				    provider_payment_id, amount, status, fields_url, created_at, updated_at)
				VALUES (:shop, :order, :method, :provider, :session, :payment, :amount, 'REQUIRES_PAYMENT', :fields,
				        :now, :now)
				ON CONFLICT DO NOTHING""")
			.param("shop", shopId)
			.param("order", orderId)
			.param("method", payment.kind().name())
			.param("provider", opened.provider())
			.param("session", opened.sessionId())
			.param("payment", payment.id())
			.param("amount", payment.amount())
			.param("fields", opened.fields().map(Object::toString).orElse(null))
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<OrderPayment> find(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment.order_payment WHERE order_id = :order")
			.param("order", orderId)
			.query((row, n) -> payment(row))
			.optional();
	}

	/** The provider and its payment id of an order, locked until the transaction ends. */
	Optional<ProviderRef> lockByOrder(long orderId) {
		return jdbc.sql("""
				SELECT order_id, provider, provider_payment_id, amount, provider_version
				FROM payment.order_payment WHERE order_id = :order FOR UPDATE""")
			.param("order", orderId)
			.query((row, n) -> ref(row))
			.optional();
	}

	/** As {@link #lockByOrder}, found by the provider's payment id (a webhook). */
	Optional<ProviderRef> lockByProviderId(String provider, String paymentId) {
		return jdbc.sql("""
				SELECT order_id, provider, provider_payment_id, amount, provider_version
				FROM payment.order_payment WHERE provider = :provider AND provider_payment_id = :payment FOR UPDATE""")
			.param("provider", provider)
			.param("payment", paymentId)
			.query((row, n) -> ref(row))
			.optional();
	}

	/**
	 * Records the provider's report if it is newer than what is held, and says whether it was. A
	 * held payment stays held: only a person releases it.
	 */
	boolean update(long orderId, ProviderPayment payment, Optional<String> heldReason, Instant now) {
		Optional<CardFacts> card = payment.card();
		return jdbc.sql("""
				UPDATE payment.order_payment
				SET status = :status, provider_version = :version, captured_amount = :captured,
				    refunded_amount = :refunded, card_brand = COALESCE(:brand, card_brand),
				    card_last4 = COALESCE(:last4, card_last4), card_exp_month = COALESCE(:expMonth, card_exp_month),
				    card_exp_year = COALESCE(:expYear, card_exp_year),
				    three_d_secure = COALESCE(:threeDSecure, three_d_secure), decline_code = :decline,
				    konbini_number = COALESCE(:konbiniNumber, konbini_number),
				    konbini_deadline = COALESCE(:konbiniDeadline, konbini_deadline),
				    held_reason = COALESCE(held_reason, :held), updated_at = :now
				WHERE order_id = :order AND provider_version < :version""")
			.param("order", orderId)
			.param("status", payment.status().name())
			.param("version", payment.version())
			.param("captured", payment.capturedAmount())
			.param("refunded", payment.refundedAmount())
			.param("brand", card.map(CardFacts::brand).orElse(null))
			.param("last4", card.map(CardFacts::last4).orElse(null))
			.param("expMonth", card.map(CardFacts::expMonth).orElse(null))
			.param("expYear", card.map(CardFacts::expYear).orElse(null))
			.param("threeDSecure", payment.threeDSecure().orElse(null))
			.param("decline", payment.declineCode().orElse(null))
			.param("konbiniNumber", payment.konbini().map(KonbiniSlip::paymentNumber).orElse(null))
			.param("konbiniDeadline", payment.konbini().map(slip -> Timestamp.from(slip.deadline())).orElse(null))
			.param("held", heldReason.orElse(null))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** The card fields to frame, while the payment still waits for its card. */
	Optional<String> cardFields(long orderId) {
		return jdbc.sql("""
				SELECT fields_url FROM payment.order_payment
				WHERE order_id = :order AND status = 'REQUIRES_PAYMENT' AND fields_url IS NOT NULL""")
			.param("order", orderId)
			.query(String.class)
			.optional();
	}

	Optional<CardPage> cardPage() {
		return jdbc.sql("SELECT card_page FROM payment.shop_payment_settings")
			.query(String.class)
			.optional()
			.map(CardPage::valueOf);
	}

	void saveCardPage(long shopId, CardPage page, Instant now) {
		jdbc.sql("""
				INSERT INTO payment.shop_payment_settings (shop_id, card_page, updated_at) VALUES (:shop, :page, :now)
				ON CONFLICT (shop_id) DO UPDATE SET card_page = EXCLUDED.card_page, updated_at = EXCLUDED.updated_at""")
			.param("shop", shopId)
			.param("page", page.name())
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean eventSeen(String provider, String eventId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment.provider_event WHERE provider = :provider AND event_id = :id)")
			.param("provider", provider)
			.param("id", eventId)
			.query(Boolean.class)
			.single();
	}

	void recordEvent(long shopId, String provider, String eventId, String type, long orderId, int version,
			boolean applied, Instant now) {
		jdbc.sql("""
				INSERT INTO payment.provider_event (shop_id, provider, event_id, event_type, order_id, payment_version,
				    applied, received_at)
				VALUES (:shop, :provider, :id, :type, :order, :version, :applied, :now)""")
			.param("shop", shopId)
			.param("provider", provider)
			.param("id", eventId)
			.param("type", type)
			.param("order", orderId)
			.param("version", version)
			.param("applied", applied)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The provider's payment id, the amount Misemori asked for and the last version it recorded. */
	record ProviderRef(long orderId, String provider, String paymentId, long amount, int version) {
	}

	private static ProviderRef ref(ResultSet row) throws SQLException {
		return new ProviderRef(row.getLong("order_id"), row.getString("provider"), row.getString("provider_payment_id"),
				row.getLong("amount"), row.getInt("provider_version"));
	}

	private static OrderPayment payment(ResultSet row) throws SQLException {
		String last4 = row.getString("card_last4");
		Optional<CardFacts> card = last4 == null ? Optional.empty()
				: Optional.of(new CardFacts(row.getString("card_brand"), last4, row.getInt("card_exp_month"),
						row.getInt("card_exp_year")));
		String konbiniNumber = row.getString("konbini_number");
		Timestamp deadline = row.getTimestamp("konbini_deadline");
		Optional<KonbiniSlip> konbini = konbiniNumber == null || deadline == null ? Optional.empty()
				: Optional.of(new KonbiniSlip(konbiniNumber, deadline.toInstant()));
		return new OrderPayment(row.getLong("order_id"), PaymentKind.valueOf(row.getString("method")),
				PaymentStatus.valueOf(row.getString("status")), row.getLong("amount"), row.getLong("captured_amount"),
				row.getLong("refunded_amount"), card, konbini, Optional.ofNullable(row.getString("decline_code")),
				Optional.ofNullable(row.getString("held_reason")));
	}

}
