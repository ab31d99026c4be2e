package org.misemori.identity.environment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A long-lived random device id in a cookie, {@code <id>.<HMAC of id>}. Signed so that nobody
 * can make up the id of a device the account has used (they would have to steal the cookie);
 * a cookie whose signature fails counts as no cookie. HttpOnly (scripts never need it),
 * Secure over HTTPS, SameSite=Lax (it rides along on a sign-in form post from the same site).
 */
@Component
class DeviceCookie {

	static final String NAME = "MISEMORI_DEVICE";

	/** Browsers cap cookie lifetimes at 400 days; longer would be cut anyway. */
	private static final Duration LIFETIME = Duration.ofDays(400);

	private static final String PURPOSE = "device-cookie";

	private static final int VALUE_MAX = 200;

	private final EnvironmentKey key;

	private final SecureRandom random = new SecureRandom();

	DeviceCookie(EnvironmentKey key) {
		this.key = key;
	}

	/** The device id this browser presented with a valid signature, or a new one set on the response. */
	String deviceId(HttpServletRequest request, HttpServletResponse response) {
		return presented(request).orElseGet(() -> issue(request, response));
	}

	private Optional<String> presented(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() <= VALUE_MAX) {
				Optional<String> id = verified(cookie.getValue());
				if (id.isPresent()) {
					return id;
				}
			}
		}
		return Optional.empty();
	}

	private Optional<String> verified(String value) {
		int dot = value.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String id = value.substring(0, dot);
		byte[] presented = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(presented, expected) ? Optional.of(id) : Optional.empty();
	}

	private String issue(HttpServletRequest request, HttpServletResponse response) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ResponseCookie cookie = ResponseCookie.from(NAME, id + "." + signature(id))
			.path("/")
			.maxAge(LIFETIME)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return id;
	}

	private String signature(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.mac(PURPOSE, id));
	}

}
