package org.misemori.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.PasskeyActivity;
import org.misemori.identity.domain.Sha256;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.lockout.LoginThrottle;
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.identity.passkey.MemberPasskeyHolders;
import org.misemori.identity.passkey.MemberPasskeyNotices;
import org.misemori.identity.passkey.PasskeyProblem;
import org.misemori.identity.passkey.Passkeys;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopRequest;
import org.misemori.system.WebBaseline;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Shoppers' passkeys: registered from their my page, then "sign in with a passkey" without a
 * password (the passkey must verify its holder, so it is two factors in one). Kept apart from
 * {@link MemberAccountController} on purpose. The storefront has already set the shop of the
 * URL, so only that shop's passkeys exist here. Adding or deleting one needs a sign-in of the
 * last five minutes and mails the member.
 */
@Controller
@RequestMapping("/s/{shopCode}/account")
class MemberPasskeyController {

	private static final Duration RECENT = SecondFactorRaise.STEP_UP_WINDOW;

	private final Passkeys passkeys;

	private final MemberPasskeyHolders holders;

	private final SecurityContextRepository contexts;

	private final MemberPasskeyNotices notices;

	private final MessageSource messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final LoginThrottle throttle;

	private final JsonMapper json = JsonMapper.builder().build();

	MemberPasskeyController(@Qualifier("memberPasskeys") Passkeys passkeys, MemberPasskeyHolders holders,
			SecurityContextRepository contexts, MemberPasskeyNotices notices, MessageSource messages, Clock clock,
			ApplicationEventPublisher events, LoginThrottle throttle) {
		this.events = events;
		this.throttle = throttle;
		this.passkeys = passkeys;
		this.holders = holders;
		this.contexts = contexts;
		this.notices = notices;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping("/passkey-login/options")
	@ResponseBody
	ResponseEntity<String> signInOptions(HttpServletRequest request) {
		shop(request);
		return json(HttpStatus.OK, passkeys.requestOptions(null, request.getSession()));
	}

	@PostMapping("/passkey-login")
	@ResponseBody
	ResponseEntity<String> signIn(@RequestBody(required = false) String body, HttpServletRequest request,
			HttpServletResponse response) {
		ShopRequest shop = shop(request);
		AccountKey attempts = passkeyAttemptsFrom(shop.shop(), request.getRemoteAddr());
		if (!throttle.admit(attempts, request.getRemoteAddr()).isAllowed()) {
			return json(HttpStatus.TOO_MANY_REQUESTS,
					write(Map.of("authenticated", false, "error", text("member.login.throttled", null))));
		}
		Optional<MemberPrincipal> member = passkeys.verify(body == null ? "" : body, request.getSession())
			.flatMap(name -> holders.find(shop.shop().id(), name));
		if (member.isEmpty()) {
			throttle.failed(attempts, request.getRemoteAddr());
			events.publishEvent(new PasskeyActivity(PasskeyActivity.What.REFUSED, "member:" + shop.shop().id() + ":?",
					shop.shop().id().value(), request.getRemoteAddr()));
			return json(HttpStatus.UNAUTHORIZED, write(Map.of("authenticated", false)));
		}
		throttle.succeeded(attempts, request.getRemoteAddr());
		signIn(member.get(), request, response);
		record(PasskeyActivity.What.SIGNED_IN, member.get(), request);
		return json(HttpStatus.OK, write(Map.of("authenticated", true, "redirectUrl", shop.basePath() + "/account")));
	}

	@GetMapping("/passkeys")
	String page(HttpServletRequest request, Model model) {
		ShopRequest shop = shop(request);
		model.addAttribute("shop", shop.shop());
		model.addAttribute("base", shop.basePath());
		return signedIn(shop.shop()).map(member -> {
			model.addAttribute("passkeys", passkeys.list(member.getName()));
			return "storefront/account/passkeys";
		}).orElse("redirect:" + shop.basePath() + "/account/login");
	}

	@PostMapping("/passkeys/options")
	@ResponseBody
	ResponseEntity<String> registrationOptions(HttpServletRequest request) {
		ShopRequest shop = shop(request);
		if (signedIn(shop.shop()).isEmpty() || !signedInRecently()) {
			return stepUp(shop);
		}
		return json(HttpStatus.OK, passkeys.creationOptions(authentication(), request.getSession()));
	}

	@PostMapping("/passkeys")
	@ResponseBody
	ResponseEntity<String> register(@RequestBody(required = false) String body, HttpServletRequest request) {
		ShopRequest shop = shop(request);
		Optional<MemberPrincipal> member = signedIn(shop.shop());
		if (member.isEmpty() || !signedInRecently()) {
			return stepUp(shop);
		}
		try {
			passkeys.register(authentication(), body == null ? "" : body, request.getSession());
		}
		catch (PasskeyProblem problem) {
			return json(HttpStatus.UNPROCESSABLE_CONTENT, write(Map.of("error", text(problem.messageKey(), null))));
		}
		notices.added(member.get(), request.getRemoteAddr());
		record(PasskeyActivity.What.REGISTERED, member.get(), request);
		return json(HttpStatus.OK, write(Map.of("success", true)));
	}

	@PostMapping("/passkeys/delete")
	String delete(@RequestParam(defaultValue = "") String id, HttpServletRequest request) {
		ShopRequest shop = shop(request);
		Optional<MemberPrincipal> member = signedIn(shop.shop());
		if (member.isEmpty() || !signedInRecently()) {
			return "redirect:" + shop.basePath() + "/account/login?again";
		}
		if (passkeys.delete(member.get().getName(), id)) {
			notices.removed(member.get(), request.getRemoteAddr());
			record(PasskeyActivity.What.REMOVED, member.get(), request);
		}
		return "redirect:" + shop.basePath() + "/account/passkeys?removed";
	}

	/**
	 * A passkey attempt names no account until it is verified, so failed attempts are counted
	 * per client address (as a pseudo-account of the shop): one address guessing assertions
	 * is slowed down progressively, and no shopper's own passkey is ever blocked by it.
	 */
	private static AccountKey passkeyAttemptsFrom(Shop shop, String clientAddress) {
		return AccountKey.member(shop.id().value(),
				"passkey:" + Sha256.hex(clientAddress == null ? "" : clientAddress).substring(0, 32));
	}

	/** As the password sign-in does: a new session id and CSRF token, the context saved explicitly. */
	private void signIn(MemberPrincipal member, HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(member, null,
				List.of(new SimpleGrantedAuthority("ROLE_MEMBER"),
						FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY).build()));
		request.getSession();
		request.changeSessionId();
		WebBaseline.rotatePublicCsrfToken(request, response);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	/** Password or passkey given in the last five minutes: a session left open is not enough. */
	private boolean signedInRecently() {
		return authentication().getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.anyMatch(factor -> factor.getIssuedAt().isAfter(clock.instant().minus(RECENT)));
	}

	private void record(PasskeyActivity.What what, MemberPrincipal member, HttpServletRequest request) {
		events.publishEvent(new PasskeyActivity(what, member.getName(), member.shopId().value(), request.getRemoteAddr()));
	}

	private ResponseEntity<String> stepUp(ShopRequest shop) {
		return json(HttpStatus.FORBIDDEN, write(Map.of("error", text("passkey.error.sign-in-again", null), "stepUp",
				shop.basePath() + "/account/login?again")));
	}

	private static Optional<MemberPrincipal> signedIn(Shop shop) {
		Authentication authentication = authentication();
		if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member
				&& member.shopId().equals(shop.id())) {
			return Optional.of(member);
		}
		return Optional.empty();
	}

	private static Authentication authentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

	private static ShopRequest shop(HttpServletRequest request) {
		return ShopRequest.of(request).filter(r -> r.shop().isOpen())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String text(String key, Object[] arguments) {
		return text(key, arguments, LocaleContextHolder.getLocale());
	}

	private String text(String key, Object[] arguments, Locale locale) {
		return messages.getMessage(key, arguments, key, locale);
	}

	private String write(Map<String, Object> body) {
		return json.writeValueAsString(body);
	}

	private static ResponseEntity<String> json(HttpStatus status, String body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
