package org.misemori.ordering.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvReader;
import org.misemori.csv.CsvUploads;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.domain.BankTransferReconciliation;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 入金照合: staff upload the bank's deposit CSV and see what each line matches, then confirm,
 * which reads the file kept sealed server-side (never sent back through the page) and marks
 * the matched orders paid in one transaction. ORDERS permission, as all of /admin/orders.
 */
@Controller
class AdminTransfersController {

	private static final String PAGE = "admin/orders/transfers";

	private static final String PURPOSE = "transfers";

	private final BankTransferReconciliation reconciliation;

	private final CsvUploads uploads;

	private final ShopDirectory shops;

	private final MessageSource messages;

	AdminTransfersController(BankTransferReconciliation reconciliation, CsvUploads uploads, ShopDirectory shops,
			MessageSource messages) {
		this.reconciliation = reconciliation;
		this.uploads = uploads;
		this.shops = shops;
		this.messages = messages;
	}

	@ModelAttribute
	void page(Authentication authentication, Model model) {
		String name = authentication.getName();
		model.addAttribute("shop", shops.findByCode(name.substring(0, Math.max(name.indexOf('/'), 0)))
			.orElseThrow(() -> new AccessDeniedException("Shop gone")));
	}

	@GetMapping("/admin/orders/transfers")
	String form() {
		return PAGE;
	}

	@PostMapping("/admin/orders/transfers")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String encoding,
			Authentication authentication, Model model, Locale locale) throws IOException {
		CsvEncoding chosen = CsvEncoding.fromParameter(encoding).orElse(null);
		if (chosen == null || file == null || file.isEmpty()) {
			model.addAttribute("problemKey", chosen == null ? "csv.encoding.unknown" : "csv.import.no-file");
			return PAGE;
		}
		byte[] bytes = file.getSize() > CsvReader.MAX_BYTES ? new byte[CsvReader.MAX_BYTES + 1] : file.getBytes();
		BankTransferReconciliation.Reconciliation found = reconciliation.preview(bytes, chosen);
		model.addAttribute("preview", TransferPreview.of(found, messages, locale));
		if (!found.matched().isEmpty()) {
			model.addAttribute("token", uploads.keep(TenantContext.current().orElseThrow(), PURPOSE,
					authentication.getName(), chosen, bytes));
		}
		return PAGE;
	}

	@PostMapping("/admin/orders/transfers/confirm")
	String confirm(@RequestParam(required = false) String token, Authentication authentication, Model model) {
		var kept = uploads.find(TenantContext.current().orElseThrow(), PURPOSE, authentication.getName(), token);
		if (kept.isEmpty()) {
			model.addAttribute("problemKey", "csv.import.expired");
			return PAGE;
		}
		try {
			List<OrderId> paid = reconciliation.confirm(kept.get().file(), kept.get().encoding(), authentication.getName());
			uploads.discard(token);
			return "redirect:/admin/orders/transfers?paid=" + paid.size();
		}
		catch (OrderingException changedMeanwhile) {
			model.addAttribute("problemKey", "ordering.transfers.failed");
			return PAGE;
		}
	}

}
