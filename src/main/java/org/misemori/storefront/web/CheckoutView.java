package org.misemori.storefront.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misemori.ordering.CheckoutForm;
import org.misemori.ordering.PaymentMethod;
import org.misemori.ordering.Quote;
import org.misemori.payment.OrderPayment;
import org.misemori.shipping.DeliveryChoices;
import org.misemori.shipping.DeliverySlot;
import org.misemori.shipping.Prefecture;

import org.springframework.context.MessageSource;

/** What the checkout templates may know: plain maps and lists, amounts already written as shoppers read them. */
final class CheckoutView {

	private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("M月d日(E)", Locale.JAPANESE);

	private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private final MessageSource messages;

	private final Locale locale;

	CheckoutView(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** The form's own values, to fill it in again (and to carry them through the confirmation page). */
	static Map<String, Object> form(CheckoutForm form) {
		Map<String, Object> values = new LinkedHashMap<>();
		fields(form).forEach(values::put);
		values.put("recipient_same", form.recipientSame());
		return values;
	}

	/** The fields as name/value pairs, for the confirmation page's hidden inputs. */
	static Map<String, String> fields(CheckoutForm form) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", form.name());
		fields.put("kana", form.kana());
		fields.put("email", form.email());
		fields.put("phone", form.phone());
		fields.put("postalCode", form.postalCode());
		fields.put("prefecture", form.prefecture());
		fields.put("address", form.address());
		fields.put("building", form.building());
		fields.put("recipientSame", form.recipientSame() ? "true" : "false");
		fields.put("recipientName", form.recipientName());
		fields.put("recipientPhone", form.recipientPhone());
		fields.put("deliveryDate", form.deliveryDate());
		fields.put("deliverySlot", form.deliverySlot());
		fields.put("payment", form.payment());
		fields.put("couponCode", form.couponCode());
		fields.put("points", form.points());
		fields.put("note", form.note());
		return fields;
	}

	static List<Map<String, Object>> hidden(CheckoutForm form) {
		List<Map<String, Object>> hidden = new ArrayList<>();
		fields(form).forEach((name, value) -> hidden.add(Map.of("name", name, "value", value == null ? "" : value)));
		return hidden;
	}

	List<Map<String, Object>> prefectures() {
		return java.util.Arrays.stream(Prefecture.values())
			.map(p -> Map.<String, Object>of("code", p.jisCode(), "name", english() ? p.englishName() : p.japaneseName()))
			.toList();
	}

	List<Map<String, Object>> dates(DeliveryChoices choices) {
		return choices.dates().stream().map(date -> Map.<String, Object>of("value", date.toString(), "label", date(date))).toList();
	}

	List<Map<String, Object>> slots(DeliveryChoices choices) {
		return choices.slots().stream().map(slot -> Map.<String, Object>of("code", slot.code(), "label", slot.label(locale))).toList();
	}

	/** The methods to offer: those that need a provider only while one offers them. */
	List<Map<String, Object>> payments(java.util.function.Predicate<PaymentMethod> offered) {
		return java.util.Arrays.stream(PaymentMethod.values())
			.filter(offered)
			.map(method -> Map.<String, Object>of("code", method.name(), "label", message(method.messageKey()), "note",
					message(method.messageKey() + ".note")))
			.toList();
	}

	/** An order's provider payment for the completion page: where it stands, and a konbini slip. */
	Map<String, Object> payment(OrderPayment payment) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("status", payment.status().name());
		view.put("status_label", message("checkout.paymentStatus." + payment.status().name()));
		view.put("paid", payment.status().secured());
		payment.card().ifPresent(card -> view.put("card_label", card.brand() + " **** " + card.last4()));
		payment.konbini().ifPresent(slip -> {
			view.put("konbini_number", slip.paymentNumber());
			view.put("konbini_deadline", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.withZone(java.time.ZoneId.of("Asia/Tokyo"))
				.format(slip.deadline()));
		});
		payment.declineCode().ifPresent(code -> view.put("decline_label", message("checkout.decline." + code)));
		return view;
	}

	Map<String, Object> quote(Quote quote) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("lines", quote.lines().stream().map(CheckoutView::line).toList());
		view.put("goods_label", ShopperView.yen(quote.goodsSubtotal()));
		view.put("coupon_code", quote.couponCode().orElse(""));
		view.put("discount_label", quote.couponDiscount() > 0 ? "-" + ShopperView.yen(quote.couponDiscount()) : "");
		view.put("points_used", quote.pointsUsed());
		view.put("points_to_earn", quote.pointsToEarn());
		view.put("shipping_label", ShopperView.yen(quote.shippingFee()));
		view.put("cod_fee_label", quote.codFee() > 0 ? ShopperView.yen(quote.codFee()) : "");
		view.put("total_label", ShopperView.yen(quote.total()));
		view.put("rates", quote.rates().stream()
			.map(rate -> Map.<String, Object>of("percent", rate.rate().percent(), "total_label", ShopperView.yen(rate.total()),
					"tax_label", ShopperView.yen(rate.tax())))
			.toList());
		view.put("payment_label", message(quote.payment().messageKey()));
		view.put("delivery_date_label", quote.deliveryDate().map(this::date).orElse(message("ordering.mail.unspecified")));
		view.put("slot_label", quote.deliverySlot().flatMap(DeliverySlot::fromCode).map(slot -> slot.label(locale))
			.orElse(message("ordering.mail.unspecified")));
		view.put("has_reduced", quote.lines().stream().anyMatch(Quote.Line::reduced));
		return view;
	}

	private static Map<String, Object> line(Quote.Line line) {
		return Map.of("name", line.productTitle(), "variant_name", line.variantName(), "unit_price_label",
				ShopperView.yen(line.unitPrice()), "quantity", line.quantity(), "amount_label", ShopperView.yen(line.amount()),
				"reduced", line.reduced());
	}

	String prefectureName(String code) {
		return Prefecture.fromJisCode(code).map(p -> english() ? p.englishName() : p.japaneseName()).orElse("");
	}

	private String date(LocalDate date) {
		return (english() ? EN_DATE : JA_DATE).format(date);
	}

	Locale locale() {
		return locale;
	}

	private boolean english() {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
	}

	String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
