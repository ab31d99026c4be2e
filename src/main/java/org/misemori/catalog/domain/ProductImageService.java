package org.misemori.catalog.domain;

import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.misemori.catalog.CatalogChanged;
import org.misemori.catalog.CatalogChanged.Change;
import org.misemori.catalog.CatalogException;
import org.misemori.catalog.ImageFile;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.ProductImage;
import org.misemori.catalog.ProductImages;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class ProductImageService implements ProductImages {

	static final int MAX_ALT = 200;

	private static final Pattern FILE_NAME = Pattern.compile("([0-9a-f]{64})(-s)?\\.(jpg|png)");

	private final ProductImageRows images;

	private final ProductRows products;

	private final ApplicationEventPublisher events;

	ProductImageService(ProductImageRows images, ProductRows products, ApplicationEventPublisher events) {
		this.images = images;
		this.products = products;
		this.events = events;
	}

	@Override
	public ProductImage add(ProductId product, byte[] upload, String alt, String actor) {
		String text = alt == null ? "" : alt.strip();
		if (text.length() > MAX_ALT) {
			throw new CatalogException("catalog.image.alt-too-long", MAX_ALT);
		}
		if (products.find(product).isEmpty()) {
			throw new CatalogException("catalog.not-found");
		}
		if (images.count(product) >= MAX_PER_PRODUCT) {
			throw new CatalogException("catalog.image.too-many", MAX_PER_PRODUCT);
		}
		ImageContent.Encoded encoded = ImageContent.reencode(upload);
		String hash = HexFormat.of().formatHex(Sha256Digest.of(encoded.bytes()));
		if (!images.insert(shop(), product, hash, text, encoded)) {
			throw new CatalogException("catalog.image.duplicate");
		}
		events.publishEvent(new CatalogChanged(shop(), actor, Change.PRODUCT_IMAGE_ADDED, "product=" + product.value()
				+ " hash=" + hash + " type=" + encoded.mediaType() + " size=" + encoded.width() + "x" + encoded.height()
				+ " uploadBytes=" + upload.length + " storedBytes=" + encoded.bytes().length));
		return of(product).stream().filter(image -> image.hash().equals(hash)).findFirst().orElseThrow();
	}

	@Override
	public void remove(ProductId product, String hash, String actor) {
		if (hash == null || !images.delete(product, hash)) {
			throw new CatalogException("catalog.image.not-found");
		}
		events.publishEvent(new CatalogChanged(shop(), actor, Change.PRODUCT_IMAGE_REMOVED,
				"product=" + product.value() + " hash=" + hash));
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProductImage> of(ProductId product) {
		return images.of(List.of(product.value()));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<ProductId, List<ProductImage>> of(Collection<ProductId> products) {
		Map<ProductId, List<ProductImage>> byProduct = new LinkedHashMap<>();
		for (ProductImage image : images.of(products.stream().map(ProductId::value).distinct().toList())) {
			byProduct.computeIfAbsent(image.product(), p -> new java.util.ArrayList<>()).add(image);
		}
		return byProduct;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ImageFile> file(String fileName) {
		Matcher name = FILE_NAME.matcher(fileName == null ? "" : fileName);
		if (!name.matches()) {
			return Optional.empty();
		}
		String extension = name.group(3);
		// The extension must be the stored type's: one name, one exact Content-Type.
		return images.file(name.group(1), name.group(2) != null)
			.filter(file -> file.mediaType().equals("png".equals(extension) ? "image/png" : "image/jpeg"));
	}

	private static long shop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop")).value();
	}

}
