package org.misemori.ordering.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.misemori.ordering.CheckoutForm;
import org.misemori.ordering.CheckoutRejected;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.PaymentMethod;
import org.misemori.shipping.DeliverySlot;
import org.misemori.shipping.Prefecture;
import org.misemori.shipping.ShippingException;
import org.misemori.shipping.ShippingRates;

/**
 * Reads a checkout form at the edge: every field checked, every problem named with its field,
 * all of them at once. Nothing else in checkout sees the form's raw text.
 */
final class CheckoutInput {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern KATAKANA = Pattern.compile("^[\\u30A0-\\u30FF\\s]+$");

	private static final Pattern PHONE = Pattern.compile("^0\\d{9,10}$");

	private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{7}$");

	private static final Pattern POINTS = Pattern.compile("^\\d{1,9}$");

	private final List<OrderingException> problems = new ArrayList<>();

	private CheckoutInput() {
	}

	static ValidCheckout read(CheckoutForm form, LocalDate today, ShippingRates shipping) {
		CheckoutInput input = new CheckoutInput();
		ValidCheckout valid = input.readAll(form, today, shipping);
		if (!input.problems.isEmpty()) {
			throw new CheckoutRejected(input.problems);
		}
		return valid;
	}

	private ValidCheckout readAll(CheckoutForm form, LocalDate today, ShippingRates shipping) {
		String name = required("name", form.name(), 60);
		String kana = katakana(required("kana", form.kana(), 60));
		String email = email(form.email());
		String phone = phone("phone", form.phone());
		String postalCode = matching("postalCode", digitsOf(form.postalCode()), POSTAL_CODE);
		Prefecture prefecture = Prefecture.fromJisCode(text(form.prefecture())).orElse(null);
		if (prefecture == null) {
			problems.add(new OrderingException("prefecture", "ordering.field.prefecture.invalid"));
		}
		String address = required("address", form.address(), 100);
		String building = optional("building", form.building(), 100);
		String recipientName = form.recipientSame() ? name : required("recipientName", form.recipientName(), 60);
		String recipientPhone = form.recipientSame() ? phone : phone("recipientPhone", form.recipientPhone());
		String note = optional("note", form.note(), CheckoutForm.MAX_NOTE);
		Optional<LocalDate> date = date(form.deliveryDate());
		Optional<DeliverySlot> slot = slot(form.deliverySlot());
		delivery(shipping, today, date, slot);
		PaymentMethod payment = payment(form.payment());
		Optional<String> coupon = Optional.of(text(form.couponCode())).filter(code -> !code.isEmpty());
		long points = points(form.points());
		ShopperDetails shopper = new ShopperDetails(name, kana, email, phone, postalCode, prefecture, address, building,
				recipientName, recipientPhone, note);
		return new ValidCheckout(shopper, date, slot, payment, coupon, points);
	}

	/** NFKC (full-width digits and letters to half-width, half-width kana to full-width), trimmed. */
	private static String text(String value) {
		return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
	}

	private String required(String field, String value, int max) {
		String text = optional(field, value, max);
		if (text.isEmpty() && !tooLong(value, max)) {
			problems.add(new OrderingException(field, "ordering.field." + field + ".required"));
		}
		return text;
	}

	private String optional(String field, String value, int max) {
		if (tooLong(value, max)) {
			problems.add(new OrderingException(field, "ordering.field.tooLong", max));
			return "";
		}
		return text(value);
	}

	private static boolean tooLong(String value, int max) {
		return value != null && value.codePointCount(0, value.length()) > max;
	}

	/** Hiragana is accepted and written in katakana, as shops keep フリガナ. */
	private String katakana(String kana) {
		StringBuilder converted = new StringBuilder(kana.length());
		kana.chars().forEach(c -> converted.append((char) (c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c)));
		String result = converted.toString();
		if (!result.isEmpty() && !KATAKANA.matcher(result).matches()) {
			problems.add(new OrderingException("kana", "ordering.field.kana.notKatakana"));
		}
		return result;
	}

	private String email(String value) {
		String email = required("email", value, 254);
		if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
			problems.add(new OrderingException("email", "ordering.field.email.invalid"));
		}
		return email;
	}

	private String phone(String field, String value) {
		return matching(field, digitsOf(required(field, value, 20)), PHONE);
	}

	private String matching(String field, String value, Pattern pattern) {
		if (value.isEmpty()) {
			problems.add(new OrderingException(field, "ordering.field." + field + ".required"));
		}
		else if (!pattern.matcher(value).matches()) {
			problems.add(new OrderingException(field, "ordering.field." + field + ".invalid"));
		}
		return value;
	}

	/** A phone number or postal code as people write it: 〒, hyphens, spaces and brackets dropped. */
	private static String digitsOf(String value) {
		return text(value).replaceAll("[〒\\s()\\-‐－ー−]", "");
	}

	private Optional<LocalDate> date(String value) {
		String text = text(value);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		return attempt("deliveryDate", "ordering.field.deliveryDate.invalid", () -> LocalDate.parse(text));
	}

	private Optional<DeliverySlot> slot(String value) {
		String text = text(value);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		Optional<DeliverySlot> slot = DeliverySlot.fromCode(text);
		if (slot.isEmpty()) {
			problems.add(new OrderingException("deliverySlot", "ordering.field.deliverySlot.invalid"));
		}
		return slot;
	}

	private void delivery(ShippingRates shipping, LocalDate today, Optional<LocalDate> date, Optional<DeliverySlot> slot) {
		try {
			shipping.checkDelivery(today, date, slot);
		}
		catch (ShippingException refused) {
			problems.add(new OrderingException(date.isPresent() ? "deliveryDate" : "deliverySlot", refused.messageKey(),
					refused.getArguments()));
		}
	}

	private PaymentMethod payment(String value) {
		String text = text(value);
		for (PaymentMethod method : PaymentMethod.values()) {
			if (method.name().equals(text)) {
				return method;
			}
		}
		problems.add(new OrderingException("payment", text.isEmpty() ? "ordering.field.payment.required"
				: "ordering.field.payment.invalid"));
		return PaymentMethod.BANK_TRANSFER;
	}

	private long points(String value) {
		String text = text(value).replace(",", "");
		if (text.isEmpty()) {
			return 0;
		}
		if (!POINTS.matcher(text).matches()) {
			problems.add(new OrderingException("points", "ordering.field.points.invalid"));
			return 0;
		}
		return Long.parseLong(text);
	}

	private <T> Optional<T> attempt(String field, String key, Supplier<T> parse) {
		try {
			return Optional.of(parse.get());
		}
		catch (DateTimeParseException refused) {
			problems.add(new OrderingException(field, key));
			return Optional.empty();
		}
	}

}
