package org.misemori.catalog;

/**
 * Staff changed the catalog: for the audit log (who changed which product's price or stock,
 * and when, is what a shop needs after a mistake or a dispute).
 */
public record CatalogChanged(long shopId, String actor, Change change, String detail) {

	public enum Change {
		PRODUCT_CREATED, PRODUCT_UPDATED, PRODUCT_PUBLISHED, PRODUCT_UNPUBLISHED, VARIANT_ADDED, VARIANT_UPDATED,
		CATEGORY_CREATED, PRODUCT_CATEGORIES_CHANGED, PRODUCT_IMAGE_ADDED, PRODUCT_IMAGE_REMOVED, PRODUCTS_IMPORTED,
		PRODUCTS_EXPORTED
	}

}
