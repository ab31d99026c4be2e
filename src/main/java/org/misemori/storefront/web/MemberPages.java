package org.misemori.storefront.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.identity.SignedInMember;
import org.misemori.loyalty.Points;
import org.misemori.loyalty.PointsEntry;
import org.misemori.ordering.OrderDetails;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderSummary;
import org.misemori.ordering.Orders;
import org.misemori.platform.ShopRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A member's own orders and points, rendered by the shop's theme. Only the signed-in member's
 * orders are found: another member's order number shows the same "not found" as one that does
 * not exist.
 */
@Controller
class MemberPages {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private static final int HISTORY = 100;

	private final SignedInMember member;

	private final Orders orders;

	private final Points points;

	private final ThemedResponses responses;

	private final MessageSource messages;

	MemberPages(SignedInMember member, Orders orders, Points points, ThemedResponses responses, MessageSource messages) {
		this.member = member;
		this.orders = orders;
		this.points = points;
		this.responses = responses;
		this.messages = messages;
	}

	@GetMapping("/s/{shopCode}/account/orders")
	ResponseEntity<String> orders(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<Long> me = member.idIn(shop.shop().id());
		if (me.isEmpty()) {
			return signIn(shop);
		}
		List<Map<String, Object>> rows = orders.ofMember(me.get(), HISTORY).stream().map(o -> summary(o, shop)).toList();
		return responses.render(shop, HttpStatus.OK, "account-orders", Map.of("orders", rows), request);
	}

	@GetMapping("/s/{shopCode}/account/orders/{number}")
	ResponseEntity<String> order(@PathVariable String number, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<Long> me = member.idIn(shop.shop().id());
		if (me.isEmpty()) {
			return signIn(shop);
		}
		Optional<OrderDetails> order = OrderId.parse(number)
			.filter(id -> orders.ofMember(me.get(), HISTORY).stream().anyMatch(o -> o.id().equals(id)))
			.flatMap(id -> orders.open(id, "member's own order"));
		if (order.isEmpty()) {
			return responses.render(shop, HttpStatus.NOT_FOUND, "account-order", Map.of("missing", true), request);
		}
		return responses.render(shop, HttpStatus.OK, "account-order", Map.of("order", MemberOrderView.of(order.get(),
				this::message)), request);
	}

	@GetMapping("/s/{shopCode}/account/points")
	ResponseEntity<String> points(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<Long> me = member.idIn(shop.shop().id());
		if (me.isEmpty()) {
			return signIn(shop);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("balance", points.balance(me.get()));
		model.put("entries", points.history(me.get(), HISTORY).stream().map(this::entry).toList());
		return responses.render(shop, HttpStatus.OK, "account-points", model, request);
	}

	private Map<String, Object> summary(OrderSummary order, ShopRequest shop) {
		return Map.of("number", order.id().number(), "url", shop.basePath() + "/account/orders/" + order.id().number(),
				"placed_at", DATE.format(order.placedAt()), "status", message(order.status().messageKey()), "total_label",
				ShopperView.yen(order.total()), "items", order.items());
	}

	private Map<String, Object> entry(PointsEntry entry) {
		return Map.of("at", DATE.format(entry.at()), "kind", message("storefront.points." + entry.kind().name()), "points",
				entry.points(), "order", entry.order() == null ? "" : new OrderId(entry.order().orderId()).number(),
				"expires_at", entry.expiresAt() == null ? "" : DATE.format(entry.expiresAt()));
	}

	private String message(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH
				: Locale.JAPANESE);
	}

	private static ResponseEntity<String> signIn(ShopRequest shop) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.header(HttpHeaders.LOCATION, shop.basePath() + "/account/login")
			.build();
	}

}
