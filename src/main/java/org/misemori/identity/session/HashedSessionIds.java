package org.misemori.identity.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.domain.Sha256;

import org.springframework.session.SessionIdGenerator;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Sessions live in PostgreSQL, and the runtime role can read that table: whoever injects SQL
 * must not find cookies there to replay. So the browser's cookie carries a 256-bit secret and
 * the database stores only its SHA-256 as the session id. Spring Session has no such option,
 * hence this pair: the generator makes the secret and hands it, on the same thread, to the
 * resolver that writes the cookie; incoming cookies are hashed back into ids.
 */
final class HashedSessionIds implements SessionIdGenerator, HttpSessionIdResolver {

	/** The secret of the id generated last on this thread: the one a response may need to write. */
	private static final ThreadLocal<String[]> LAST_GENERATED = new ThreadLocal<>();

	private final CookieSerializer cookies;

	private final SecureRandom random = new SecureRandom();

	HashedSessionIds(CookieSerializer cookies) {
		this.cookies = cookies;
	}

	@Override
	public String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String id = idOf(secret);
		LAST_GENERATED.set(new String[] { id, secret });
		return id;
	}

	@Override
	public List<String> resolveSessionIds(HttpServletRequest request) {
		return cookies.readCookieValues(request).stream().filter(value -> !value.isEmpty()).map(HashedSessionIds::idOf).toList();
	}

	@Override
	public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
		String[] generated = LAST_GENERATED.get();
		LAST_GENERATED.remove();
		if (generated == null || !generated[0].equals(sessionId)) {
			// Only a session created or renamed in this request gets a new cookie; its secret is
			// known here and nowhere else. Anything else would be a bug: end the session instead.
			expireSession(request, response);
			return;
		}
		cookies.writeCookieValue(new CookieValue(request, response, generated[1]));
	}

	@Override
	public void expireSession(HttpServletRequest request, HttpServletResponse response) {
		cookies.writeCookieValue(new CookieValue(request, response, ""));
	}

	/** The secret is base64url, so its UTF-8 and ASCII bytes are the same. */
	static String idOf(String secret) {
		return Sha256.hex(secret);
	}

}
