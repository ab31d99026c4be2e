package org.misemori.identity.web;

import java.io.ByteArrayOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.MemberDataViewed;
import org.misemori.identity.MembersExported;
import org.misemori.identity.member.MemberRoster;
import org.misemori.identity.staff.StaffMember;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.ShopDirectory;

import org.springframework.context.ApplicationEventPublisher;
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
import org.springframework.web.server.ResponseStatusException;

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

	AdminMembersController(MemberRoster roster, ShopDirectory shops, SecondFactorRaise raise,
			ApplicationEventPublisher events) {
		this.roster = roster;
		this.shops = shops;
		this.raise = raise;
		this.events = events;
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
	 * a byte leaves, and if it cannot be written nothing leaves.
	 */
	@GetMapping("/admin/export/members.csv")
	Object export(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if (!raise.recentlyGiven(authentication)) {
			return stepUp(request, response);
		}
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		StaffMember me = (StaffMember) authentication.getPrincipal();
		int exported = roster.writeCsv(me.shopId(), file);
		events.publishEvent(new MembersExported(me.shopId().value(), me.getUsername(), exported));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", MemberRoster.CSV_CHARSET))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("members.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.toByteArray());
	}

	/** Asks for a fresh code, and comes back here after it. */
	private static String stepUp(HttpServletRequest request, HttpServletResponse response) {
		new HttpSessionRequestCache().saveRequest(request, response);
		return "redirect:/admin/2fa?stepup";
	}

}
