package org.misemori.catalog.web;

import java.util.ArrayList;
import java.util.List;

import org.misemori.catalog.CatalogException;
import org.misemori.catalog.VariantDetails;
import org.misemori.catalog.VariantOption;

/** One variant's row as typed: price and stock arrive as text and are read here, at the edge. */
record VariantForm(String sku, String price, String onHand, String label1, String value1, String label2, String value2,
		String label3, String value3) {

	VariantDetails details() {
		List<VariantOption> options = new ArrayList<>();
		option(label1, value1, options);
		option(label2, value2, options);
		option(label3, value3, options);
		return new VariantDetails(sku, options, number(price, "catalog.price.not-a-number"),
				(int) Math.min(Integer.MAX_VALUE, number(onHand, "catalog.stock.not-a-number")));
	}

	private static void option(String label, String value, List<VariantOption> options) {
		if (blank(label) && blank(value)) {
			return;
		}
		options.add(new VariantOption(label, value));
	}

	/** Digits, optionally grouped with commas as owners write yen ("1,320"); a minus sign is kept for its own message. */
	private static long number(String text, String notANumber) {
		String digits = text == null ? "" : text.strip().replace(",", "").replace("，", "");
		if (!digits.matches("-?\\d{1,12}")) {
			throw new CatalogException(notANumber);
		}
		return Long.parseLong(digits);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
