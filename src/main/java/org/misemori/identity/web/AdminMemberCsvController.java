package org.misemori.identity.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvImportFailed;
import org.misemori.csv.CsvPreview;
import org.misemori.csv.CsvReader;
import org.misemori.csv.CsvUploads;
import org.misemori.identity.member.MemberCsv;
import org.misemori.identity.member.MemberCsvImport;
import org.misemori.identity.staff.StaffMember;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Members from CSV: personal data proper, so behind MEMBERS_PERSONAL_DATA (the staff chain's
 * {@code /admin/members/**}) and a code given in the last five minutes for every step. Upload
 * and preview with every error by line and column, then confirm: the file, kept sealed
 * server-side meanwhile, is imported in one transaction and then deleted.
 */
@Controller
class AdminMemberCsvController {

	private static final String PURPOSE = "members";

	private final MemberCsv csv;

	private final CsvUploads uploads;

	private final ShopDirectory shops;

	private final SecondFactorRaise raise;

	private final MessageSource messages;

	AdminMemberCsvController(MemberCsv csv, CsvUploads uploads, ShopDirectory shops, SecondFactorRaise raise,
			MessageSource messages) {
		this.csv = csv;
		this.uploads = uploads;
		this.shops = shops;
		this.raise = raise;
		this.messages = messages;
	}

	static void importPage(Model model, Shop shop) {
		model.addAttribute("shop", shop);
		model.addAttribute("titleKey", "identity.csv.title");
		model.addAttribute("leadKey", "identity.csv.lead");
		model.addAttribute("uploadAction", "/admin/members/import");
		model.addAttribute("confirmAction", "/admin/members/import/confirm");
		model.addAttribute("backLink", "/admin/members");
	}

	@GetMapping("/admin/members/import")
	String form(Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!raise.recentlyGiven(authentication)) {
			return AdminMembersController.stepUp(request, response);
		}
		importPage(model, AdminController.shopOf(authentication, shops));
		return "admin/csv-import";
	}

	@PostMapping("/admin/members/import")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String encoding,
			Authentication authentication, Model model, Locale locale) throws IOException {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/admin/members/import";
		}
		importPage(model, AdminController.shopOf(authentication, shops));
		CsvEncoding chosen = CsvEncoding.fromParameter(encoding).orElse(null);
		if (chosen == null || file == null || file.isEmpty()) {
			model.addAttribute("problemKey", chosen == null ? "csv.encoding.unknown" : "csv.import.no-file");
			return "admin/csv-import";
		}
		StaffMember me = (StaffMember) authentication.getPrincipal();
		byte[] bytes = file.getSize() > CsvReader.MAX_BYTES ? new byte[CsvReader.MAX_BYTES + 1] : file.getBytes();
		MemberCsvImport read = csv.read(me.shopId(), bytes, chosen);
		model.addAttribute("preview", CsvPreview.of(read.table(), read.errors(), messages, locale));
		if (read.valid()) {
			model.addAttribute("token", uploads.keep(me.shopId(), PURPOSE, me.getUsername(), chosen, bytes));
		}
		return "admin/csv-import";
	}

	@PostMapping("/admin/members/import/confirm")
	String confirm(@RequestParam(required = false) String token, Authentication authentication, Model model,
			Locale locale) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/admin/members/import";
		}
		importPage(model, AdminController.shopOf(authentication, shops));
		StaffMember me = (StaffMember) authentication.getPrincipal();
		var kept = uploads.find(me.shopId(), PURPOSE, me.getUsername(), token);
		if (kept.isEmpty()) {
			model.addAttribute("problemKey", "csv.import.expired");
			return "admin/csv-import";
		}
		MemberCsvImport read = csv.read(me.shopId(), kept.get().file(), kept.get().encoding());
		if (!read.valid()) {
			model.addAttribute("preview", CsvPreview.of(read.table(), read.errors(), messages, locale));
			return "admin/csv-import";
		}
		try {
			int imported = csv.importAll(me.shopId(), read, me.getUsername(), kept.get().encoding());
			uploads.discard(token);
			return "redirect:/admin/members/import?imported=" + imported;
		}
		catch (CsvImportFailed ex) {
			model.addAttribute("failed", ex.error().describe(messages, locale));
			model.addAttribute("preview", CsvPreview.of(read.table(), List.of(ex.error()), messages, locale));
			return "admin/csv-import";
		}
	}

}
