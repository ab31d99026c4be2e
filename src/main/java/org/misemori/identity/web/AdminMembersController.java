package org.misemori.identity.web;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.MemberDataViewed;
import org.misemori.identity.MembersExported;
import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvWatermark;
import org.misemori.identity.member.MemberRoster;
import org.misemori.identity.staff.StaffMember;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.ShopDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The members area of the shop admin. The list (masked addresses) serves order handling; one
 * member's full data and the export are personal data proper: besides their permissions
 * ({@link StaffSecurityConfiguration}) they want a code given in the last five minutes, and each
 * use is in the audit log: who saw whose data, who took how many rows.
 */
@Controller
class AdminMembersController {

	private final MemberRoster roster;

	private final ShopDirectory shops;

	private final SecondFactorRaise raise;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	AdminMembersController(MemberRoster roster, ShopDirectory shops, SecondFactorRaise raise,
			ApplicationEventPublisher events, MessageSource messages, Clock clock) {
		this.roster = roster;
		this.shops = shops;
		this.raise = raise;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/members")
	String list(Authentication authentication, Model model, HttpServletRequest request) {
		model.addAttribute("shop", AdminController.shopOf(authentication, shops));
		var members = roster.list(((StaffMember) authentication.getPrincipal()).shopId());
		model.addAttribute("members", members);
		model.addAttribute("mayOpen",
				StaffPermission.heldBy(authentication.getAuthorities()).contains(StaffPermission.MEMBERS_PERSONAL_DATA));
		return "admin/members";
	}

	@GetMapping("/admin/members/{id:\\d{1,18}}")
	String member(@PathVariable long id, Authentication authentication, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!raise.recentlyGiven(authentication)) {
			return stepUp(request, response);
		}
		StaffMember me = (StaffMember) authentication.getPrincipal();
		var member = roster.find(me.shopId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		events.publishEvent(new MemberDataViewed(me.shopId().value(), me.getUsername(), member.id()));
		model.addAttribute("shop", AdminController.shopOf(authentication, shops));
		model.addAttribute("member", member);
		return "admin/member";
	}

	/**
	 * The file is made in memory first: the audit entry, with its row count, is written before
	 * a byte leaves, and if it cannot be written nothing leaves. It carries a watermark (who,
	 * when); Shift_JIS (Excel's default) unless {@code encoding=utf-8}, and a character Shift_JIS
	 * cannot carry stops the export with its line and column rather than becoming '?'.
	 */
	@GetMapping("/admin/export/members.csv")
	Object export(@RequestParam(required = false) String encoding, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		if (!raise.recentlyGiven(authentication)) {
			return stepUp(request, response);
		}
		CsvEncoding chosen = CsvEncoding.fromParameter(encoding).orElse(CsvEncoding.SHIFT_JIS);
		StaffMember me = (StaffMember) authentication.getPrincipal();
		var export = roster.export(me.shopId(), chosen, CsvWatermark.personalData(me.getUsername(), clock.instant()));
		if (!export.file().errors().isEmpty()) {
			AdminMemberCsvController.importPage(model, AdminController.shopOf(authentication, shops));
			model.addAttribute("problemKey", "csv.export.unencodable");
			model.addAttribute("exportErrors", export.file().errors().stream().map(e -> e.describe(messages, locale)).toList());
			return new ModelAndView("admin/csv-import", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
		}
		byte[] file = export.file().bytes();
		events.publishEvent(new MembersExported(me.shopId().value(), me.getUsername(), export.rows(), chosen.charsetName()));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", Charset.forName(chosen.charsetName())))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("members.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file);
	}

	/** Asks for a fresh code, and comes back here after it. */
	static String stepUp(HttpServletRequest request, HttpServletResponse response) {
		new HttpSessionRequestCache().saveRequest(request, response);
		return "redirect:/admin/2fa?stepup";
	}

}
