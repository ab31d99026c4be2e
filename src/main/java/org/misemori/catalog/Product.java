package org.misemori.catalog;

import java.time.Instant;
import java.util.List;

/** A product with its variants, in the order they were added. */
public record Product(ProductId id, Handle handle, String title, String description, TaxClass taxClass,
		ProductStatus status, List<Variant> variants, Instant updatedAt) {

	public Product {
		variants = List.copyOf(variants);
	}

	public boolean published() {
		return status == ProductStatus.PUBLISHED;
	}

	/** The lowest variant price, for lists ("¥1,650〜"); 0 when there is no variant yet. */
	public long fromPriceYen() {
		return variants.stream().mapToLong(Variant::priceYen).min().orElse(0);
	}

	/** Units on hand over all variants, for the admin's list. */
	public int unitsOnHand() {
		return variants.stream().mapToInt(Variant::onHand).sum();
	}

	public ProductDetails details() {
		return new ProductDetails(handle, title, description, taxClass);
	}

}
