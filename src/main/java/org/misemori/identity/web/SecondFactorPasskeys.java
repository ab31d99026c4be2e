package org.misemori.identity.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.PasskeyActivity;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.notices.SecurityChangeNotices;
import org.misemori.identity.passkey.PasskeyProblem;
import org.misemori.identity.passkey.Passkeys;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey as the second factor of staff and operators, and their own passkey page: the same
 * steps for both consoles, which differ only in their path, their store and the account key.
 * Adding or deleting a passkey changes how the account signs in, so it needs a second factor
 * given in the last five minutes, and the holder is mailed.
 */
@Component
class SecondFactorPasskeys {

	private final SecondFactorRaise raise;

	private final SecondFactorGuard guard;

	private final SecurityChangeNotices notices;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final JsonMapper json = JsonMapper.builder().build();

	SecondFactorPasskeys(SecondFactorRaise raise, SecondFactorGuard guard, SecurityChangeNotices notices,
			MessageSource messages, ApplicationEventPublisher events) {
		this.events = events;
		this.raise = raise;
		this.guard = guard;
		this.notices = notices;
		this.messages = messages;
	}

	ResponseEntity<String> signInOptions(Passkeys passkeys, Authentication who, HttpServletRequest request) {
		return json(HttpStatus.OK, passkeys.requestOptions(who, request.getSession()));
	}

	/**
	 * The passkey must be the signed-in person's own (another's would prove nothing about them);
	 * failures count towards the lock like wrong codes. The session id changes with the new factor.
	 */
	ResponseEntity<String> signIn(Passkeys passkeys, AccountKey account, String body, Authentication who, String area,
			HttpServletRequest request, HttpServletResponse response) {
		SecondFactorGuard.Outcome outcome = guard.check(account, request,
				() -> passkeys.verify(body, request.getSession()).filter(who.getName()::equals).isPresent());
		if (outcome != SecondFactorGuard.Outcome.ACCEPTED) {
			record(PasskeyActivity.What.REFUSED, account, request);
			return json(HttpStatus.UNAUTHORIZED, write(Map.of("authenticated", false)));
		}
		record(PasskeyActivity.What.SIGNED_IN, account, request);
		String next = raise.raise(who, SecondFactorRaise.PASSKEY_FACTOR, area, request, response);
		return json(HttpStatus.OK, write(Map.of("authenticated", true, "redirectUrl", next)));
	}

	String page(Passkeys passkeys, Authentication who, String area, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!raise.recentlyGiven(who)) {
			// Back here once the second factor is given again.
			requests.saveRequest(request, response);
			return "redirect:" + area + "/2fa?stepup";
		}
		model.addAttribute("passkeys", passkeys.list(who.getName()));
		model.addAttribute("area", area);
		return "twofactor/passkeys";
	}

	ResponseEntity<String> registrationOptions(Passkeys passkeys, Authentication who, String area,
			HttpServletRequest request) {
		if (!raise.recentlyGiven(who)) {
			return stepUp(area);
		}
		return json(HttpStatus.OK, passkeys.creationOptions(who, request.getSession()));
	}

	ResponseEntity<String> register(Passkeys passkeys, AccountKey account, String body, Authentication who, String area,
			HttpServletRequest request) {
		if (!raise.recentlyGiven(who)) {
			return stepUp(area);
		}
		try {
			passkeys.register(who, body, request.getSession());
		}
		catch (PasskeyProblem problem) {
			return json(HttpStatus.UNPROCESSABLE_CONTENT, write(Map.of("error", text(problem.messageKey()))));
		}
		notices.passkeyAdded(account, request.getRemoteAddr());
		record(PasskeyActivity.What.REGISTERED, account, request);
		return json(HttpStatus.OK, write(Map.of("success", true)));
	}

	String delete(Passkeys passkeys, AccountKey account, String id, Authentication who, String area,
			HttpServletRequest request) {
		if (!raise.recentlyGiven(who)) {
			return "redirect:" + area + "/security";
		}
		if (passkeys.delete(who.getName(), id)) {
			notices.passkeyRemoved(account, request.getRemoteAddr());
			record(PasskeyActivity.What.REMOVED, account, request);
		}
		return "redirect:" + area + "/security?removed";
	}

	private void record(PasskeyActivity.What what, AccountKey account, HttpServletRequest request) {
		events.publishEvent(new PasskeyActivity(what, account.id(), account.shopId(), request.getRemoteAddr()));
	}

	private ResponseEntity<String> stepUp(String area) {
		return json(HttpStatus.FORBIDDEN, write(Map.of("error", text("passkey.error.step-up"), "stepUp", area + "/security")));
	}

	private String text(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

	private String write(Map<String, Object> body) {
		return json.writeValueAsString(body);
	}

	private static ResponseEntity<String> json(HttpStatus status, String body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
