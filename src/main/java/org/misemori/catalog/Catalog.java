package org.misemori.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of the current shop ({@code platform.TenantContext}); row-level security keeps
 * every call to that shop's rows. Staff changes name their {@code actor} for the audit log.
 * Bad input throws {@link CatalogException} with a message key.
 */
public interface Catalog {

	ProductId createProduct(ProductDetails details, String actor);

	void updateProduct(ProductId product, ProductDetails details, String actor);

	VariantId addVariant(ProductId product, VariantDetails details, String actor);

	/** Sets price, options and units on hand; refused if on hand would fall below what is reserved. */
	void updateVariant(VariantId variant, VariantDetails details, String actor);

	void publish(ProductId product, String actor);

	void unpublish(ProductId product, String actor);

	/** Any product, draft or published: for staff. */
	Optional<Product> find(ProductId product);

	/** Any product, draft or published, by its handle: for staff (the CSV import matches on it). */
	Optional<Product> findByHandle(Handle handle);

	/** Every product, newest first, one page at a time: for staff. */
	ProductPage list(int page);

	Optional<Product> findPublishedByHandle(String handle);

	/** The published product a variant belongs to: what a cart checks before showing a line. */
	Optional<Product> findPublishedByVariant(VariantId variant);

	/** Whether the variant is this shop's and its product is published: what a cart checks before adding it. */
	boolean isForSale(VariantId variant);

	/** Published products of a category, in title order; an unknown category gives an empty page. */
	ProductPage listPublishedInCategory(String categoryHandle, int page);

	/** Published products whose title contains {@code query} (case-insensitive), at most one page. */
	List<Product> search(String query);

	long createCategory(Category category, String actor);

	List<Category> categories();

	/** Replaces the categories the product is in. */
	void placeInCategories(ProductId product, Set<Long> categoryIds, String actor);

	Set<Long> categoriesOf(ProductId product);

	/**
	 * Holds {@code quantity} units for a checkout, if that many are still available; false
	 * otherwise. One conditional UPDATE, so concurrent buyers can never hold more than there is.
	 */
	boolean reserve(VariantId variant, Quantity quantity);

	/** Gives held units back (a checkout abandoned or failed). */
	void release(VariantId variant, Quantity quantity);

	/** Turns held units into sold ones: they leave on hand and reserved together. */
	void commit(VariantId variant, Quantity quantity);

}
