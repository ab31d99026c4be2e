package org.misemori.catalog.web;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogException;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.ProductImages;
import org.misemori.catalog.TaxClass;
import org.misemori.platform.ShopDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 商品管理 in the shop admin: the product list, a product's page (its details, variants,
 * publish state and categories). Behind the PRODUCTS permission (the staff security chain);
 * every change is audited by the catalog itself.
 */
@Controller
class AdminProductsController {

	private final Catalog catalog;

	private final ShopDirectory shops;

	private final ProductImages images;

	AdminProductsController(Catalog catalog, ShopDirectory shops, ProductImages images) {
		this.catalog = catalog;
		this.shops = shops;
		this.images = images;
	}

	@ModelAttribute
	void shop(Authentication authentication, Model model) {
		model.addAttribute("shop", AdminShop.of(authentication, shops));
		model.addAttribute("taxClasses", TaxClass.values());
	}

	@GetMapping("/admin/products")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("page", catalog.list(Math.max(1, Math.min(page, 1000))));
		return "admin/products/list";
	}

	@GetMapping("/admin/products/new")
	String newProduct(Model model) {
		model.addAttribute("form", ProductForm.empty());
		return "admin/products/edit";
	}

	@PostMapping("/admin/products")
	String create(ProductForm form, Authentication authentication, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			ProductId id = catalog.createProduct(form.details(), authentication.getName());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/admin/products/" + id.value();
		}
		catch (CatalogException ex) {
			model.addAttribute("form", form);
			return refused(ex, model, response, "admin/products/edit");
		}
	}

	@GetMapping("/admin/products/{id:\\d{1,18}}")
	String edit(@PathVariable long id, Model model) {
		Product product = product(id);
		return show(product, ProductForm.of(product), model);
	}

	@PostMapping("/admin/products/{id:\\d{1,18}}")
	String update(@PathVariable long id, ProductForm form, Authentication authentication, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Product product = product(id);
		try {
			catalog.updateProduct(product.id(), form.details(), authentication.getName());
		}
		catch (CatalogException ex) {
			show(product, form, model);
			return refused(ex, model, response, "admin/products/edit");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/products/" + id;
	}

	@PostMapping("/admin/products/{id:\\d{1,18}}/status")
	String status(@PathVariable long id, @RequestParam boolean publish, Authentication authentication,
			RedirectAttributes redirect) {
		Product product = product(id);
		if (publish) {
			catalog.publish(product.id(), authentication.getName());
		}
		else {
			catalog.unpublish(product.id(), authentication.getName());
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/products/" + id;
	}

	String show(Product product, ProductForm form, Model model) {
		model.addAttribute("product", product);
		model.addAttribute("form", form);
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("placedIn", catalog.categoriesOf(product.id()));
		model.addAttribute("images", images.of(product.id()));
		model.addAttribute("maxImages", ProductImages.MAX_PER_PRODUCT);
		return "admin/products/edit";
	}

	Product product(long id) {
		if (id <= 0) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return catalog.find(new ProductId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The page again with the owner's input and what is wrong with it; 400, so nothing caches it as a success. */
	static String refused(CatalogException ex, Model model, HttpServletResponse response, String view) {
		model.addAttribute("errorKey", ex.messageKey());
		model.addAttribute("errorArguments", ex.getArguments());
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return view;
	}

}
