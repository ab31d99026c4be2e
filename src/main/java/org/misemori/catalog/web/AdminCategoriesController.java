package org.misemori.catalog.web;

import jakarta.servlet.http.HttpServletResponse;

import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogException;
import org.misemori.catalog.Category;
import org.misemori.catalog.Handle;
import org.misemori.platform.ShopDirectory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shop's categories: the list and a new one. */
@Controller
class AdminCategoriesController {

	private final Catalog catalog;

	private final ShopDirectory shops;

	AdminCategoriesController(Catalog catalog, ShopDirectory shops) {
		this.catalog = catalog;
		this.shops = shops;
	}

	@ModelAttribute
	void shop(Authentication authentication, Model model) {
		model.addAttribute("shop", AdminShop.of(authentication, shops));
	}

	@GetMapping("/admin/products/categories")
	String list(Model model) {
		model.addAttribute("categories", catalog.categories());
		return "admin/products/categories";
	}

	@PostMapping("/admin/products/categories")
	String create(@RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "0") String position, Authentication authentication, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			catalog.createCategory(Category.of(new Handle(handle.strip()), title, position(position)), authentication.getName());
		}
		catch (CatalogException ex) {
			model.addAttribute("handle", handle);
			model.addAttribute("title", title);
			list(model);
			return AdminProductsController.refused(ex, model, response, "admin/products/categories");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/products/categories";
	}

	private static int position(String text) {
		if (!text.strip().matches("\\d{1,4}")) {
			throw new CatalogException("catalog.position.range", 0, 9999);
		}
		return Integer.parseInt(text.strip());
	}

}
