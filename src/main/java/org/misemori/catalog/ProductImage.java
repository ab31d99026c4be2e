package org.misemori.catalog;

/**
 * A product's image as stored: re-encoded, named by the SHA-256 of its bytes ({@code hash}),
 * served as {@code <hash>.<extension>} and, for lists, {@code <hash>-s.<extension>} when a
 * smaller rendition exists ({@code smallWidth} 0 when not: the image is small already).
 */
public record ProductImage(ProductId product, String hash, int position, String alt, String mediaType, int width,
		int height, int smallWidth, int smallHeight) {

	public String extension() {
		return "image/png".equals(mediaType) ? "png" : "jpg";
	}

	public String fileName() {
		return hash + "." + extension();
	}

	/** The list rendition's name, or the image's own when it has none. */
	public String smallFileName() {
		return smallWidth == 0 ? fileName() : hash + "-s." + extension();
	}

}
