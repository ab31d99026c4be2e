package sandboxpay.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import sandboxpay.payments.Account;

/**
 * Every API and test-hook call: the merchant's Bearer key (compared in constant time, so the
 * answer's timing says nothing about how much of a guess was right), then the outage switch.
 */
@Component
class ApiAccess implements HandlerInterceptor {

	private final AtomicBoolean outage = new AtomicBoolean();

	private final byte[] apiKey;

	ApiAccess(Account account) {
		this.apiKey = account.apiKey().getBytes(StandardCharsets.UTF_8);
	}

	void outage(boolean down) {
		outage.set(down);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!authorized(request.getHeader("Authorization"))) {
			response.setHeader("WWW-Authenticate", "Bearer");
			return refuse(response, 401, "{\"error\":\"unauthorized\",\"message\":\"a valid API key is required\"}");
		}
		// The test hooks stay up during an outage: they are how a test ends it.
		if (outage.get() && request.getRequestURI().startsWith("/v1/")) {
			return refuse(response, 503,
					"{\"error\":\"unavailable\",\"message\":\"Sandbox Pay is unavailable (simulated outage)\"}");
		}
		return true;
	}

	private boolean authorized(String header) {
		if (header == null || !header.startsWith("Bearer ")) {
			return false;
		}
		byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(given, apiKey);
	}

	private static boolean refuse(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body);
		return false;
	}

}
