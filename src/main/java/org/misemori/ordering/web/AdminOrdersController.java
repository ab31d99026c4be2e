package org.misemori.ordering.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import org.misemori.ordering.Carrier;
import org.misemori.ordering.OrderDetails;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderSearch;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.Orders;
import org.misemori.ordering.OrderingException;
import org.misemori.payment.OrderPayment;
import org.misemori.payment.PaymentRefused;
import org.misemori.payment.PaymentUnavailable;
import org.misemori.payment.Payments;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 受注管理: the order list with its filters, one order (its buyer's data opened for handling it,
 * which is recorded), and the steps staff take: paid, preparing, shipped with a tracking number
 * (the shopper is mailed), delivered, cancelled, returned. The ORDERS permission guards all of
 * {@code /admin/orders/**} in the staff security chain.
 */
@Controller
class AdminOrdersController {

	private final Orders orders;

	private final ShopDirectory shops;

	private final Payments payments;

	AdminOrdersController(Orders orders, ShopDirectory shops, Payments payments) {
		this.orders = orders;
		this.shops = shops;
		this.payments = payments;
	}

	@GetMapping("/admin/orders")
	String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String number,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") int page,
			Authentication authentication, Model model) {
		model.addAttribute("shop", shopOf(authentication));
		model.addAttribute("time", new JapanTime());
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("filter", new Filter(status, cap(number), cap(email), cap(from), cap(to)));
		try {
			OrderSearch search = new OrderSearch(statusNamed(status), parseNumber(number),
					Optional.of(email.strip()).filter(text -> !text.isEmpty()), date(from), date(to));
			model.addAttribute("orders", orders.list(search, Math.max(0, page)));
		}
		catch (OrderingException refused) {
			model.addAttribute("error", refused);
			model.addAttribute("orders", java.util.List.of());
		}
		model.addAttribute("page", Math.max(0, page));
		return "admin/orders/list";
	}

	@GetMapping("/admin/orders/{number}")
	String show(@PathVariable String number, Authentication authentication, Model model) {
		OrderDetails order = orders.open(idOf(number), "order handling")
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("shop", shopOf(authentication));
		model.addAttribute("time", new JapanTime());
		model.addAttribute("order", order);
		model.addAttribute("next", order.status()
			.next(order.payment())
			.stream()
			.filter(next -> next != OrderStatus.PAID || order.payment().providerKind().isEmpty())
			.toList());
		model.addAttribute("payment", payments.ofOrder(order.id().value()).orElse(null));
		model.addAttribute("carriers", Carrier.values());
		return "admin/orders/detail";
	}

	@PostMapping("/admin/orders/{number}/status")
	String changeStatus(@PathVariable String number, @RequestParam(defaultValue = "") String to,
			Authentication authentication, RedirectAttributes redirect) {
		OrderId id = idOf(number);
		return act(id, redirect, () -> orders.changeStatus(id, statusNamed(to)
			.orElseThrow(() -> new OrderingException("status", "ordering.order.unknownStatus")), authentication.getName()));
	}

	@PostMapping("/admin/orders/{number}/ship")
	String ship(@PathVariable String number, @RequestParam(defaultValue = "") String carrier,
			@RequestParam(defaultValue = "") String trackingNumber, Authentication authentication,
			RedirectAttributes redirect) {
		OrderId id = idOf(number);
		return act(id, redirect, () -> orders.ship(id, carrierNamed(carrier), trackingNumber, authentication.getName()));
	}

	@PostMapping("/admin/orders/{number}/cancel")
	String cancel(@PathVariable String number, Authentication authentication, RedirectAttributes redirect) {
		OrderId id = idOf(number);
		return act(id, redirect, () -> orders.cancel(id, authentication.getName()));
	}

	/** Money back to the shopper through the provider: all that is left, or part of it. */
	@PostMapping("/admin/orders/{number}/refund")
	String refund(@PathVariable String number, @RequestParam(defaultValue = "") String amount,
			Authentication authentication, RedirectAttributes redirect) {
		OrderId id = idOf(number);
		return act(id, redirect, () -> {
			try {
				payments.refund(id.value(), refundAmount(id, amount), authentication.getName());
			}
			catch (PaymentRefused | PaymentUnavailable failed) {
				throw new OrderingException("amount", "admin.orders.refund.failed");
			}
		});
	}

	private long refundAmount(OrderId id, String text) {
		OrderPayment payment = payments.ofOrder(id.value())
			.orElseThrow(() -> new OrderingException("amount", "ordering.payment.none"));
		long refundable = payment.capturedAmount() - payment.refundedAmount();
		String digits = text.strip().replace(",", "");
		if (!digits.matches("[0-9]{1,9}") || Long.parseLong(digits) < 1 || Long.parseLong(digits) > refundable) {
			throw new OrderingException("amount", "admin.orders.refund.amount", refundable);
		}
		return Long.parseLong(digits);
	}

	private static String act(OrderId id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", true);
		}
		catch (OrderingException refused) {
			redirect.addFlashAttribute("errorKey", refused.messageKey());
			redirect.addFlashAttribute("errorArguments", refused.getArguments());
		}
		return "redirect:/admin/orders/" + id.number();
	}

	private static OrderId idOf(String number) {
		return OrderId.parse(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static Optional<OrderStatus> statusNamed(String name) {
		return Arrays.stream(OrderStatus.values()).filter(status -> status.name().equals(name)).findFirst();
	}

	private static Carrier carrierNamed(String name) {
		return Arrays.stream(Carrier.values()).filter(carrier -> carrier.name().equals(name)).findFirst()
			.orElseThrow(() -> new OrderingException("carrier", "ordering.field.carrier.invalid"));
	}

	private static Optional<OrderId> parseNumber(String number) {
		if (number.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(OrderId.parse(number).orElseThrow(() -> new OrderingException("number", "ordering.search.numberInvalid")));
	}

	private static Optional<LocalDate> date(String text) {
		if (text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException refused) {
			throw new OrderingException("date", "ordering.search.dateInvalid");
		}
	}

	/** What staff typed comes back to them (escaped by Thymeleaf), capped so a huge submission is not echoed. */
	private static String cap(String text) {
		return text.length() > 100 ? text.substring(0, 100) : text;
	}

	/** Staff names are {@code <shop code>/<login ID>}. */
	private Shop shopOf(Authentication authentication) {
		String name = authentication.getName();
		int slash = name.indexOf('/');
		return shops.findByCode(slash < 0 ? "" : name.substring(0, slash))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

	record Filter(String status, String number, String email, String from, String to) {
	}

}
