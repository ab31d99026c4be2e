package org.misemori.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a shop shows of itself: its tagline and description, and the facts its
 * 特定商取引法に基づく表記 (Specified Commercial Transactions Act) page must state.
 */
public record ShopProfile(String tagline, String description, String sellerName, String representative,
		String address, String phone, String email, String businessHours, String priceNote, String extraFees,
		String paymentMethods, String deliveryTime, String returnsPolicy) {

	/** The names of {@link #byField()}, in the order of the record (and of the settings form). */
	public static final List<String> FIELDS = List.of("tagline", "description", "sellerName", "representative",
			"address", "phone", "email", "businessHours", "priceNote", "extraFees", "paymentMethods", "deliveryTime",
			"returnsPolicy");

	public static ShopProfile empty() {
		return new ShopProfile("", "", "", "", "", "", "", "", "", "", "", "", "");
	}

	/** Each field by its name in {@link #FIELDS}; what a change is described by (names, never values). */
	public Map<String, String> byField() {
		List<String> values = List.of(tagline, description, sellerName, representative, address, phone, email,
				businessHours, priceNote, extraFees, paymentMethods, deliveryTime, returnsPolicy);
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < FIELDS.size(); i++) {
			fields.put(FIELDS.get(i), values.get(i));
		}
		return fields;
	}

	/** The profile of {@code fields} keyed as in {@link #FIELDS}; a missing field is empty. */
	public static ShopProfile of(Map<String, String> fields) {
		List<String> v = FIELDS.stream().map(name -> fields.getOrDefault(name, "")).toList();
		return new ShopProfile(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
				v.get(8), v.get(9), v.get(10), v.get(11), v.get(12));
	}

	/** The names of the fields whose value differs in {@code other}. */
	public List<String> fieldsChangedIn(ShopProfile other) {
		Map<String, String> mine = byField();
		Map<String, String> theirs = other.byField();
		return FIELDS.stream().filter(name -> !mine.get(name).equals(theirs.get(name))).toList();
	}

}
