package org.misemori.theme.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.platform.ShopRequest;
import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeFile;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The theme's CSS as a file of its own: the storefront's CSP allows no inline styles, so a
 * theme's styles can only arrive this way. {@code text/css} and (from Spring Security's
 * headers) {@code nosniff}: a browser never takes it for a script or a page.
 */
@Controller
class ThemeAssetController {

	private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

	private final ShopTheme theme;

	ThemeAssetController(ShopTheme theme) {
		this.theme = theme;
	}

	@GetMapping("/s/{shopCode}/assets/theme.css")
	ResponseEntity<String> css(HttpServletRequest request) {
		if (ShopRequest.of(request).filter(shop -> shop.shop().isOpen()).isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		ThemeFile css = theme.current("assets/theme.css").orElse(null);
		if (css == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		return ResponseEntity.ok()
			.contentType(CSS)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.eTag(Integer.toString(css.version()))
			.body(css.body());
	}

}
