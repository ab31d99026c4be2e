package org.misemori.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Images of the current shop's products. An upload is judged by its content alone (magic bytes,
 * then ImageIO reading the header and decoding), never by its file name or declared type;
 * accepted images are re-encoded before they are stored. Refusals are {@link CatalogException}s
 * with a message key.
 */
public interface ProductImages {

	/** At most this many images per product. */
	int MAX_PER_PRODUCT = 8;

	/** Uploads larger than this are refused before anything reads them. */
	long MAX_BYTES = 5L * 1024 * 1024;

	/** Checks, re-encodes and stores {@code upload} as the product's last image; audited. */
	ProductImage add(ProductId product, byte[] upload, String alt, String actor);

	void remove(ProductId product, String hash, String actor);

	/** The product's images in their order. */
	List<ProductImage> of(ProductId product);

	/** The images of several products at once (lists, the cart), in their order; products without images are absent. */
	Map<ProductId, List<ProductImage>> of(Collection<ProductId> products);

	/** A stored image by its file name ({@code <hash>.jpg}, {@code <hash>-s.png}, …) in the current shop. */
	Optional<ImageFile> file(String fileName);

}
