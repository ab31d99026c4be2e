package org.misemori.catalog;

/** What the owner writes about a product. The description is plain text for now. */
public record ProductDetails(Handle handle, String title, String description, TaxClass taxClass) {

	public static final int MAX_TITLE = 200;

	public static final int MAX_DESCRIPTION = 10_000;

	public ProductDetails {
		title = title == null ? "" : title.strip();
		description = description == null ? "" : description.strip();
		if (handle == null) {
			throw new CatalogException("catalog.handle.empty");
		}
		if (title.isEmpty()) {
			throw new CatalogException("catalog.title.empty");
		}
		if (title.length() > MAX_TITLE) {
			throw new CatalogException("catalog.title.too-long", MAX_TITLE);
		}
		if (description.length() > MAX_DESCRIPTION) {
			throw new CatalogException("catalog.description.too-long", MAX_DESCRIPTION);
		}
		if (taxClass == null) {
			throw new CatalogException("catalog.tax-class.missing");
		}
	}

}
