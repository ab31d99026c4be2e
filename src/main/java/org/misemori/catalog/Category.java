package org.misemori.catalog;

/** A category (Shopify's collection) shoppers browse at {@code /collections/{handle}}. */
public record Category(long id, Handle handle, String title, int position) {

	public Category {
		title = title == null ? "" : title.strip();
		if (title.isEmpty()) {
			throw new CatalogException("catalog.title.empty");
		}
		if (title.length() > 100) {
			throw new CatalogException("catalog.title.too-long", 100);
		}
		if (position < 0 || position > 9999) {
			throw new CatalogException("catalog.position.range", 0, 9999);
		}
	}

	/** A category not stored yet. */
	public static Category of(Handle handle, String title, int position) {
		return new Category(0, handle, title, position);
	}

}
