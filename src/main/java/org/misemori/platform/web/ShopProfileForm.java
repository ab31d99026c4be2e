package org.misemori.platform.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.misemori.platform.ShopProfile;

/**
 * The shop-settings form as typed, checked field by field before anything is saved. The five
 * facts the 特定商取引法 page cannot do without are required; the address must carry a postal
 * code, because the delivery slips print the shop as the sender from it.
 */
record ShopProfileForm(Map<String, String> values) {

	/** Field names with their longest value in characters; the names are those of {@link ShopProfile#FIELDS}. */
	static final Map<String, Integer> MAX_LENGTHS = maxLengths();

	static final List<String> REQUIRED = List.of("sellerName", "representative", "address", "phone", "email");

	/** Multi-line fields get a text area. */
	static final List<String> LONG_TEXTS = List.of("description", "priceNote", "extraFees", "paymentMethods",
			"deliveryTime", "returnsPolicy");

	/** The same form the delivery slips read the sender's postal code with (ordering.domain.OrderSlips). */
	private static final Pattern POSTAL_CODE = Pattern.compile("〒?\\s*\\d{3}[-ー－]?\\d{4}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{8,22}[0-9]");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\\-]{1,64}@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");

	/** Only the form's own fields are taken; anything else posted (the CSRF token) is ignored. */
	static ShopProfileForm of(Map<String, String> posted) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : ShopProfile.FIELDS) {
			String value = posted.get(name);
			values.put(name, value == null ? "" : value.strip());
		}
		return new ShopProfileForm(values);
	}

	static ShopProfileForm of(ShopProfile profile) {
		return new ShopProfileForm(profile.byField());
	}

	/** Each problem in field order; a field has at most one. Length first: an oversized value is not looked into. */
	List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		for (String name : ShopProfile.FIELDS) {
			String value = values.get(name);
			int max = MAX_LENGTHS.get(name);
			if (value.codePointCount(0, value.length()) > max) {
				problems.add(new Problem(name, "shop.settings." + name + ".tooLong", max));
			}
			else if (value.isEmpty() && REQUIRED.contains(name)) {
				problems.add(new Problem(name, "shop.settings." + name + ".required", max));
			}
			else if (!value.isEmpty() && !wellFormed(name, normalised(name, value))) {
				problems.add(new Problem(name, "shop.settings." + name + ".invalid", max));
			}
		}
		return problems;
	}

	/** The profile to save: phone, email and address in half-width (NFKC), so slips and mail links read them. */
	ShopProfile profile() {
		Map<String, String> clean = new LinkedHashMap<>();
		values.forEach((name, value) -> clean.put(name, normalised(name, value)));
		return ShopProfile.of(clean);
	}

	/** What the person typed comes back to them (escaped by Thymeleaf), capped so a huge submission is not echoed. */
	Map<String, String> echoed() {
		Map<String, String> echoed = new LinkedHashMap<>();
		values.forEach((name, value) -> echoed.put(name,
				value.length() > MAX_LENGTHS.get(name) + 100 ? value.substring(0, MAX_LENGTHS.get(name) + 100) : value));
		return echoed;
	}

	private static boolean wellFormed(String name, String value) {
		return switch (name) {
			case "phone" -> PHONE.matcher(value).matches() && value.replaceAll("\\D", "").length() >= 10;
			case "email" -> EMAIL.matcher(value).matches() && !value.contains("..");
			case "address" -> POSTAL_CODE.matcher(value).find();
			default -> true;
		};
	}

	private static String normalised(String name, String value) {
		return switch (name) {
			case "phone", "email", "address" -> Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
			default -> value;
		};
	}

	private static Map<String, Integer> maxLengths() {
		Map<String, Integer> lengths = new LinkedHashMap<>();
		lengths.put("tagline", 100);
		lengths.put("description", 2000);
		lengths.put("sellerName", 100);
		lengths.put("representative", 100);
		lengths.put("address", 200);
		lengths.put("phone", 30);
		lengths.put("email", 254);
		lengths.put("businessHours", 200);
		lengths.put("priceNote", 1000);
		lengths.put("extraFees", 1000);
		lengths.put("paymentMethods", 1000);
		lengths.put("deliveryTime", 1000);
		lengths.put("returnsPolicy", 2000);
		return Map.copyOf(lengths);
	}

	/** A refused field, with the message key and the field's longest length as its argument. */
	record Problem(String field, String messageKey, int maxLength) {

		/** The length as message text: a plain number, "2000" rather than MessageFormat's "2,000". */
		public String limit() {
			return Integer.toString(maxLength);
		}

	}

}
