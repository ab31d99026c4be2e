package org.misemori.catalog.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogException;
import org.misemori.catalog.Product;
import org.misemori.catalog.VariantId;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A product's variants (price, stock, options) and the categories it is in, from its admin page. */
@Controller
class AdminVariantsController {

	private final Catalog catalog;

	private final AdminProductsController products;

	AdminVariantsController(Catalog catalog, AdminProductsController products) {
		this.catalog = catalog;
		this.products = products;
	}

	@PostMapping("/admin/products/{id:\\d{1,18}}/variants")
	String add(@PathVariable long id, VariantForm form, Authentication authentication, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Product product = products.product(id);
		try {
			catalog.addVariant(product.id(), form.details(), authentication.getName());
		}
		catch (CatalogException ex) {
			return refused(product, ex, model, response, authentication);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/products/" + id;
	}

	@PostMapping("/admin/products/{id:\\d{1,18}}/variants/{variant:\\d{1,18}}")
	String update(@PathVariable long id, @PathVariable long variant, VariantForm form, Authentication authentication,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Product product = products.product(id);
		VariantId variantId = product.variants()
			.stream()
			.map(v -> v.id())
			.filter(v -> v.value() == variant)
			.findFirst()
			.orElseThrow(() -> new CatalogException("catalog.not-found"));
		try {
			catalog.updateVariant(variantId, form.details(), authentication.getName());
		}
		catch (CatalogException ex) {
			return refused(product, ex, model, response, authentication);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/products/" + id;
	}

	@PostMapping("/admin/products/{id:\\d{1,18}}/categories")
	String place(@PathVariable long id, @RequestParam(name = "category", required = false) List<Long> categories,
			Authentication authentication, RedirectAttributes redirect) {
		Product product = products.product(id);
		Set<Long> chosen = categories == null ? Set.of() : new HashSet<>(categories);
		catalog.placeInCategories(product.id(), chosen, authentication.getName());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/products/" + id;
	}

	private String refused(Product product, CatalogException ex, Model model, HttpServletResponse response,
			Authentication authentication) {
		products.shop(authentication, model);
		products.show(product, ProductForm.of(product), model);
		return AdminProductsController.refused(ex, model, response, "admin/products/edit");
	}

}
