package org.misemori.catalog.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.catalog.ImageFile;
import org.misemori.catalog.ProductImages;
import org.misemori.platform.ShopRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Product images, re-served as the bytes Misemori itself encoded: the exact type, {@code nosniff},
 * inline, a policy under which nothing in the response could run even if it were a page, and
 * cached for ever (the name is the content's hash). Nothing here reads or sets a cookie, so
 * the images can live on a cookieless asset origin ({@code misemori.assets.origin}).
 * A closed or unknown shop, an unknown name or another shop's image: 404.
 */
@Controller
class ProductImageController {

	private static final CacheControl FOR_EVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final ProductImages images;

	ProductImageController(ProductImages images) {
		this.images = images;
	}

	@GetMapping("/s/{shopCode}/images/{fileName:[0-9a-f]{64}(?:-s)?\\.(?:jpg|png)}")
	ResponseEntity<byte[]> image(@PathVariable String fileName, HttpServletRequest request,
			HttpServletResponse response) {
		// Whatever the page policy said: an image answer needs nothing, so it may load nothing.
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (ShopRequest.of(request).filter(shop -> shop.shop().isOpen()).isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		ImageFile file = images.file(fileName).orElse(null);
		if (file == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.cacheControl(FOR_EVER)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
			.body(file.bytes());
	}

}
