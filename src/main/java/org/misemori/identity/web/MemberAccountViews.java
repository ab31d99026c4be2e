package org.misemori.identity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.identity.MemberAccountPages;
import org.misemori.identity.MemberAccountPages.Page;
import org.misemori.identity.domain.CorrectableProblem;
import org.misemori.identity.member.MemberPrincipal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The plain values of the themed account pages (what the theme's templates see), with this
 * module's messages already in the shopper's language: a refusal and the notices a redirect
 * asked for. What the shopper typed comes back, a password never does.
 */
@Component
class MemberAccountViews {

	/** Notices the sign-in page shows when a redirect asks for them, in this order. */
	private static final Map<String, String> SIGN_IN_NOTICES = Map.of("confirmed", "member.login.confirmed", "reset",
			"member.login.reset", "again", "passkey.error.sign-in-again", "expired", "member.two-factor.expired");

	private static final List<String> NOTICE_ORDER = List.of("confirmed", "reset", "again", "expired");

	private final MemberAccountPages pages;

	private final MessageSource messages;

	MemberAccountViews(MemberAccountPages pages, MessageSource messages) {
		this.pages = pages;
		this.messages = messages;
	}

	/**
	 * {@code base}: the shop's path, for the passwordless button's two requests. The address
	 * typed is not filled in again after a refusal: the refused page is then the same, byte for
	 * byte, for every address, known or not (the enumeration test compares them).
	 */
	ResponseEntity<String> signIn(HttpServletRequest request, String base, CorrectableProblem problem, HttpStatus status) {
		Map<String, Object> values = form("member.login.title", problem);
		values.put("passkey", Map.of("options", base + "/account/passkey-login/options", "verify",
				base + "/account/passkey-login"));
		List<String> notices = new ArrayList<>();
		NOTICE_ORDER.stream().filter(flag -> request.getParameter(flag) != null)
			.forEach(flag -> notices.add(message(SIGN_IN_NOTICES.get(flag))));
		values.put("notices", notices);
		return pages.show(Page.SIGN_IN, values, status, request);
	}

	ResponseEntity<String> signUp(HttpServletRequest request, String email, CorrectableProblem problem, HttpStatus status) {
		Map<String, Object> values = form("member.register.title", problem);
		values.put("email", email);
		return pages.show(Page.SIGN_UP, values, status, request);
	}

	ResponseEntity<String> resetRequest(HttpServletRequest request) {
		Map<String, Object> values = form("member.reset.title", null);
		values.put("lead", message("member.reset.lead"));
		return pages.show(Page.RESET_REQUEST, values, HttpStatus.OK, request);
	}

	/** The token is the reset link's own, sent back with the form; never the password. */
	ResponseEntity<String> reset(HttpServletRequest request, String token, CorrectableProblem problem, HttpStatus status) {
		Map<String, Object> values = form("member.reset.title", problem);
		values.put("token", token);
		return pages.show(Page.RESET, values, status, request);
	}

	ResponseEntity<String> myPage(HttpServletRequest request, MemberPrincipal member) {
		Map<String, Object> values = form("member.mypage.title", null);
		values.put("member", Map.of("email", member.email()));
		return pages.show(Page.MY_PAGE, values, HttpStatus.OK, request);
	}

	/** "Check your mail" after sign-up or a reset request: the same page whether the address is known or not. */
	ResponseEntity<String> checkMail(HttpServletRequest request, String messageKey) {
		return message(request, "member.check-mail.title", messageKey, false, HttpStatus.OK);
	}

	/** A confirmation or reset link that cannot be used (unknown, expired or used). */
	ResponseEntity<String> linkRefused(HttpServletRequest request, String errorKey) {
		return message(request, null, errorKey, true, HttpStatus.GONE);
	}

	private ResponseEntity<String> message(HttpServletRequest request, String titleKey, String messageKey,
			boolean refused, HttpStatus status) {
		Map<String, Object> values = form(titleKey, null);
		values.put("message", message(messageKey));
		values.put("refused", refused);
		return pages.show(Page.MESSAGE, values, status, request);
	}

	private Map<String, Object> form(String titleKey, CorrectableProblem problem) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("page_title", titleKey == null ? "" : message(titleKey));
		values.put("error", problem == null ? "" : message(problem.messageKey(), problem.arguments()));
		return values;
	}

	private String message(String key, Object... arguments) {
		Locale locale = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH
				: Locale.JAPANESE;
		return messages.getMessage(key, arguments, locale);
	}

}
