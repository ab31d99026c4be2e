package org.misemori.ordering.web;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvWatermark;
import org.misemori.csv.CsvWriter;
import org.misemori.identity.StepUp;
import org.misemori.ordering.domain.OrderExport;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The orders CSV (受注データ): EXPORT and ORDERS permissions (the staff security chain), a
 * second factor given in the last five minutes, a watermark naming who exported it and when,
 * and an audit entry before the file leaves. Shift_JIS unless {@code encoding=utf-8}; a
 * character Shift_JIS cannot carry stops the export with its line and column, never a '?'.
 */
@Controller
class AdminOrderExportController {

	private final OrderExport export;

	private final StepUp stepUp;

	private final MessageSource messages;

	private final Clock clock;

	AdminOrderExportController(OrderExport export, StepUp stepUp, MessageSource messages, Clock clock) {
		this.export = export;
		this.stepUp = stepUp;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/export/orders.csv")
	Object orders(@RequestParam(required = false) String encoding, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		if (!stepUp.recentlyGiven(authentication)) {
			return stepUp.askForFreshFactor(request, response);
		}
		CsvEncoding chosen = CsvEncoding.fromParameter(encoding).orElse(CsvEncoding.SHIFT_JIS);
		CsvWriter file = export.export(chosen, CsvWatermark.personalData(authentication.getName(), clock.instant()),
				authentication.getName());
		if (!file.errors().isEmpty()) {
			redirect.addFlashAttribute("exportErrors", file.errors().stream().map(e -> e.describe(messages, locale)).toList());
			return "redirect:/admin/orders";
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", Charset.forName(chosen.charsetName())))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("orders.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.bytes());
	}

}
