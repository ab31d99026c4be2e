package org.misemori.catalog.demo;

import java.util.ArrayList;
import java.util.List;

import org.misemori.catalog.Handle;
import org.misemori.catalog.ProductDetails;
import org.misemori.catalog.TaxClass;
import org.misemori.catalog.VariantDetails;
import org.misemori.catalog.VariantOption;

/**
 * One demo product: its variants are every combination of up to two options (サイズ × 色);
 * each value of the first option adds {@code priceStep} yen to the base price.
 */
record DemoProduct(String handle, String title, String description, TaxClass taxClass, List<String> categories,
		long basePriceYen, long priceStep, List<Axis> axes) {

	record Axis(String label, List<String> values) {
	}

	ProductDetails details() {
		return new ProductDetails(new Handle(handle), title, description, taxClass);
	}

	List<VariantDetails> variants() {
		List<VariantDetails> variants = new ArrayList<>();
		List<String> first = axes.isEmpty() ? List.of("") : axes.get(0).values();
		List<String> second = axes.size() < 2 ? List.of("") : axes.get(1).values();
		for (int i = 0; i < first.size(); i++) {
			for (int j = 0; j < second.size(); j++) {
				List<VariantOption> options = new ArrayList<>();
				if (!axes.isEmpty()) {
					options.add(new VariantOption(axes.get(0).label(), first.get(i)));
				}
				if (axes.size() > 1) {
					options.add(new VariantOption(axes.get(1).label(), second.get(j)));
				}
				int n = variants.size() + 1;
				variants.add(new VariantDetails(handle + "-" + n, options, basePriceYen + i * priceStep, stock(n)));
			}
		}
		return variants;
	}

	/** Fictitious but stable stock, a few sold out, so the storefront shows both. */
	private int stock(int n) {
		int spread = Math.floorMod(handle.hashCode() * 31 + n * 17, 48);
		return spread < 4 ? 0 : spread;
	}

}
