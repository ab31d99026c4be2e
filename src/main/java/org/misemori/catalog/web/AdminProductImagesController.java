package org.misemori.catalog.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.misemori.catalog.CatalogException;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductImages;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A product's images in the shop admin: upload (multipart, CSRF-checked like every POST) and
 * removal. The file's name and declared type are ignored; the catalog judges the bytes.
 */
@Controller
class AdminProductImagesController {

	private final AdminProductsController products;

	private final ProductImages images;

	AdminProductImagesController(AdminProductsController products, ProductImages images) {
		this.products = products;
		this.images = images;
	}

	@PostMapping("/admin/products/{id:\\d{1,18}}/images")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile image,
			@RequestParam(defaultValue = "") String alt, Authentication authentication, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		Product product = products.product(id);
		try {
			images.add(product.id(), read(image), alt, authentication.getName());
		}
		catch (CatalogException refused) {
			products.shop(authentication, model);
			products.show(product, ProductForm.of(product), model);
			return AdminProductsController.refused(refused, model, response, "admin/products/edit");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/products/" + id;
	}

	@PostMapping("/admin/products/{id:\\d{1,18}}/images/remove")
	String remove(@PathVariable long id, @RequestParam(defaultValue = "") String hash, Authentication authentication,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Product product = products.product(id);
		try {
			images.remove(product.id(), hash, authentication.getName());
		}
		catch (CatalogException refused) {
			products.shop(authentication, model);
			products.show(product, ProductForm.of(product), model);
			return AdminProductsController.refused(refused, model, response, "admin/products/edit");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/products/" + id;
	}

	/** The size is checked before the bytes are read; one byte more than allowed is enough to refuse. */
	private static byte[] read(MultipartFile image) throws IOException {
		if (image == null || image.isEmpty()) {
			throw new CatalogException("catalog.image.empty");
		}
		if (image.getSize() > ProductImages.MAX_BYTES) {
			throw new CatalogException("catalog.image.too-large", ProductImages.MAX_BYTES / (1024 * 1024));
		}
		try (InputStream in = image.getInputStream()) {
			return in.readNBytes((int) ProductImages.MAX_BYTES + 1);
		}
	}

}
