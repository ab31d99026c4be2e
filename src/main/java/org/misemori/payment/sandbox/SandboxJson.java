package org.misemori.payment.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.misemori.payment.CardFacts;
import org.misemori.payment.KonbiniSlip;
import org.misemori.payment.PaymentKind;
import org.misemori.payment.PaymentOpening;
import org.misemori.payment.PaymentStatus;
import org.misemori.payment.ProviderEvent;
import org.misemori.payment.ProviderPayment;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox provider's JSON (docs/sandbox-pay.md) to and from Misemori's records. Reads only
 * the fields Misemori keeps; a card object with more than brand, last four and expiry would not
 * get further than {@link CardFacts}, which refuses anything but four digits.
 */
final class SandboxJson {

	private SandboxJson() {
	}

	static Map<String, Object> session(PaymentOpening opening) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", opening.amount());
		body.put("currency", "JPY");
		body.put("method", opening.kind().name());
		body.put("mode", opening.kind() == PaymentKind.CARD ? opening.page().name() : "REDIRECT");
		body.put("capture", "MANUAL");
		body.put("shop", opening.shopCode());
		body.put("merchantReference", opening.reference());
		body.put("returnUrl", opening.returnUrl().toString());
		body.put("cancelUrl", opening.cancelUrl().toString());
		// The provider's iframe may be framed by the page the shopper returns to, and by no other.
		body.put("embedOrigin", opening.returnUrl().getScheme() + "://" + opening.returnUrl().getRawAuthority());
		opening.customerReference().ifPresent(reference -> body.put("customer", Map.of("reference", reference,
				"saveCard", true)));
		opening.buyer().ifPresent(buyer -> body.put("buyer", Map.of("name", buyer.name(), "email", buyer.email(),
				"phone", buyer.phone(), "postalCode", buyer.postalCode(), "address", buyer.address())));
		return body;
	}

	static ProviderEvent event(JsonNode node) {
		return new ProviderEvent(text(node, "id").orElse(""), text(node, "type").orElse(""), payment(node.get("payment")));
	}

	static ProviderPayment payment(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("No payment in the provider's answer");
		}
		return new ProviderPayment(text(node, "id").orElse(""), node.path("version").asInt(),
				PaymentStatus.valueOf(text(node, "status").orElse("")), PaymentKind.valueOf(text(node, "method").orElse("")),
				node.path("amount").asLong(), node.path("capturedAmount").asLong(), node.path("refundedAmount").asLong(),
				text(node, "shop").orElse(""), text(node, "merchantReference").orElse(""), card(node.get("card")),
				text(node, "threeDSecure"), text(node, "declineCode"), konbini(node.get("konbini")));
	}

	private static Optional<CardFacts> card(JsonNode card) {
		if (card == null || !card.isObject()) {
			return Optional.empty();
		}
		return Optional.of(new CardFacts(text(card, "brand").orElse(""), text(card, "last4").orElse(""),
				card.path("expMonth").asInt(), card.path("expYear").asInt()));
	}

	private static Optional<KonbiniSlip> konbini(JsonNode slip) {
		if (slip == null || !slip.isObject()) {
			return Optional.empty();
		}
		return Optional.of(new KonbiniSlip(text(slip, "paymentNumber").orElse(""),
				Instant.parse(text(slip, "deadline").orElse(""))));
	}

	private static Optional<String> text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
	}

}
