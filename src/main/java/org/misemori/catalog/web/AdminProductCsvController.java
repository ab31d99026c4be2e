package org.misemori.catalog.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.misemori.catalog.domain.ProductCsv;
import org.misemori.catalog.domain.ProductCsvImport;
import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvImportFailed;
import org.misemori.csv.CsvPreview;
import org.misemori.csv.CsvReader;
import org.misemori.csv.CsvUploads;
import org.misemori.csv.CsvWriter;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The catalog as CSV (PRODUCTS permission, like the rest of {@code /admin/products}): export in
 * Shift_JIS or UTF-8, and import in two steps — upload and preview with every error by line
 * and column, then confirm, which imports the file kept sealed server-side in one transaction.
 */
@Controller
class AdminProductCsvController {

	private static final String PURPOSE = "products";

	private final ProductCsv csv;

	private final CsvUploads uploads;

	private final ShopDirectory shops;

	private final MessageSource messages;

	AdminProductCsvController(ProductCsv csv, CsvUploads uploads, ShopDirectory shops, MessageSource messages) {
		this.csv = csv;
		this.uploads = uploads;
		this.shops = shops;
		this.messages = messages;
	}

	@ModelAttribute
	void page(Authentication authentication, Model model) {
		model.addAttribute("shop", AdminShop.of(authentication, shops));
		model.addAttribute("titleKey", "catalog.csv.title");
		model.addAttribute("leadKey", "catalog.csv.lead");
		model.addAttribute("uploadAction", "/admin/products/import");
		model.addAttribute("confirmAction", "/admin/products/import/confirm");
		model.addAttribute("backLink", "/admin/products");
	}

	@GetMapping("/admin/products/import")
	String form() {
		return "admin/csv-import";
	}

	@PostMapping("/admin/products/import")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String encoding,
			Authentication authentication, Model model, Locale locale) throws IOException {
		CsvEncoding chosen = CsvEncoding.fromParameter(encoding).orElse(null);
		if (chosen == null || file == null || file.isEmpty()) {
			model.addAttribute("problemKey", chosen == null ? "csv.encoding.unknown" : "csv.import.no-file");
			return "admin/csv-import";
		}
		byte[] bytes = file.getSize() > CsvReader.MAX_BYTES ? new byte[CsvReader.MAX_BYTES + 1] : file.getBytes();
		ProductCsvImport read = csv.read(bytes, chosen);
		model.addAttribute("preview", CsvPreview.of(read.table(), read.errors(), messages, locale));
		if (read.valid()) {
			model.addAttribute("token", uploads.keep(TenantContext.current().orElseThrow(), PURPOSE,
					authentication.getName(), chosen, bytes));
		}
		return "admin/csv-import";
	}

	@PostMapping("/admin/products/import/confirm")
	String confirm(@RequestParam(required = false) String token, Authentication authentication, Model model,
			Locale locale) {
		var kept = uploads.find(TenantContext.current().orElseThrow(), PURPOSE, authentication.getName(), token);
		if (kept.isEmpty()) {
			model.addAttribute("problemKey", "csv.import.expired");
			return "admin/csv-import";
		}
		ProductCsvImport read = csv.read(kept.get().file(), kept.get().encoding());
		if (!read.valid()) {
			model.addAttribute("preview", CsvPreview.of(read.table(), read.errors(), messages, locale));
			return "admin/csv-import";
		}
		try {
			int imported = csv.importAll(read, authentication.getName(), kept.get().encoding());
			uploads.discard(token);
			return "redirect:/admin/products/import?imported=" + imported;
		}
		catch (CsvImportFailed ex) {
			model.addAttribute("failed", ex.error().describe(messages, locale));
			model.addAttribute("preview", CsvPreview.of(read.table(), List.of(ex.error()), messages, locale));
			return "admin/csv-import";
		}
	}

	/** The file is made whole in memory first: a character Shift_JIS lacks stops it with its line. */
	@GetMapping("/admin/products/export.csv")
	Object export(@RequestParam(required = false) String encoding, Authentication authentication, Model model,
			Locale locale) {
		CsvEncoding chosen = CsvEncoding.fromParameter(encoding).orElse(CsvEncoding.SHIFT_JIS);
		CsvWriter file = csv.export(chosen, authentication.getName());
		if (!file.errors().isEmpty()) {
			model.addAttribute("problemKey", "csv.export.unencodable");
			model.addAttribute("exportErrors", file.errors().stream().map(e -> e.describe(messages, locale)).toList());
			return new org.springframework.web.servlet.ModelAndView("admin/csv-import", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.Charset.forName(chosen.charsetName())))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("products.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.bytes());
	}

}
