package org.misemori.catalog;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.misemori.platform.Shop;
import org.misemori.platform.TenantContext;

/** Products for tests, made through the real {@link Catalog} as the given shop. */
public final class CatalogFixtures {

	private CatalogFixtures() {
	}

	/** A published product with one variant of {@code onHand} units at {@code priceYen}. */
	public static Variant publishedProduct(Catalog catalog, Shop shop, String title, long priceYen, int onHand) {
		return published(catalog, shop, title, priceYen, onHand, TaxClass.STANDARD);
	}

	/** The same, at the reduced (8%) rate: food and drink. */
	public static Variant publishedReducedRateProduct(Catalog catalog, Shop shop, String title, long priceYen, int onHand) {
		return published(catalog, shop, title, priceYen, onHand, TaxClass.REDUCED);
	}

	private static Variant published(Catalog catalog, Shop shop, String title, long priceYen, int onHand, TaxClass taxClass) {
		return TenantContext.callAs(shop.id(), () -> {
			ProductId id = catalog.createProduct(
					new ProductDetails(new Handle("item-" + suffix()), title, "テスト用の商品です。", taxClass), "test");
			VariantId variant = catalog.addVariant(id,
					new VariantDetails("SKU-" + suffix(), List.of(new VariantOption("色", "藍")), priceYen, onHand), "test");
			catalog.publish(id, "test");
			return catalog.find(id).orElseThrow().variants().stream().filter(v -> v.id().equals(variant)).findFirst().orElseThrow();
		});
	}

	public static String suffix() {
		return Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
	}

}
