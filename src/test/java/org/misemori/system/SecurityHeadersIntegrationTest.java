package org.misemori.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.misemori.FailingEndpoint;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.identity.twofactor.TotpFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web baseline on every category of response, over real HTTP to the real server, so
 * that the servlet container's own cookie and error handling are part of what is tested.
 */
@MisemoriIntegrationTest
class SecurityHeadersIntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	OperatorSetup setup;

	@Autowired
	Environment environment;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "storefront, /s/demo/, 200", "storefront legal notice, /s/demo/policies/legal-notice, 200",
			"storefront unknown shop, /s/no-such-shop/, 404", "platform landing, /, 200",
			"operator login, /operator/login, 200", "operator console unauthenticated, /operator, 302",
			"operator setup with a bad token, /operator/setup?token=x, 410", "api, /api/v1/shops, 404",
			"error page, /no/such/page, 404", "server error page, " + FailingEndpoint.PATH + ", 500",
			"static file, /assets/css/misemori.css, 200", "actuator health, /actuator/health, 200",
			"actuator metrics unauthenticated, /actuator/prometheus, 302" })
	void everyResponseCarriesTheBaseline(String category, String path, int status) throws Exception {
		// Browsers ask for HTML; the health check is asked for by machines, in JSON.
		HttpResponse<String> response = get(path, path.startsWith("/actuator/health") ? "application/json" : "text/html");
		assertThat(response.statusCode()).isEqualTo(status);
		assertBaselineHeaders(response);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
	}

	@Test
	void authenticatedOperatorPagesCarryTheBaselineAndACsrfProtectedForm() throws Exception {
		String session = signedInOperatorSession();
		HttpResponse<String> console = http.send(request("/operator").header("Cookie", session).build(),
				BodyHandlers.ofString());
		assertThat(console.statusCode()).isEqualTo(200);
		assertBaselineHeaders(console);
		assertThat(console.body()).contains("name=\"_csrf\"");
	}

	@Test
	void overHttpsTheBrowserIsToldToStayOnHttpsAndTheSessionCookieIsSecure() throws Exception {
		HttpResponse<String> response = http.send(request("/operator/login").header("X-Forwarded-Proto", "https").build(),
				BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
		assertThat(sessionCookie(response)).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
	}

	@Test
	void sessionCookieIsHttpOnlyAndSameSiteLaxAndNamesNoFramework() throws Exception {
		String cookie = sessionCookie(get("/operator/login", "text/html"));
		assertThat(cookie).startsWith("MISEMORI_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(cookie).doesNotContain("JSESSIONID").doesNotContain("Secure");
	}

	@Test
	void stateChangingRequestsWithoutCsrfTokenAreRefused() throws Exception {
		HttpResponse<String> response = http.send(request("/operator/setup").header("Content-Type",
				"application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("token=x&loginId=ops.mallory&password=p&confirmation=p"))
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void errorPagesShowNoStackTraceDetailOrFrameworkName() throws Exception {
		for (String accept : List.of("text/html", "application/json")) {
			for (String path : List.of(FailingEndpoint.PATH, "/no/such/page", "/s/demo/%2e%2e/operator")) {
				String body = get(path, accept).body();
				assertThat(body).as("%s as %s", path, accept)
					.doesNotContain(FailingEndpoint.INTERNAL_DETAIL)
					.doesNotContain("Exception")
					.doesNotContainIgnoringCase("whitelabel")
					.doesNotContainIgnoringCase("spring")
					.doesNotContainIgnoringCase("tomcat")
					.doesNotContain("at org.")
					.doesNotContain("trace");
			}
		}
	}

	@Test
	void pagesAreJapaneseByDefaultAndEnglishOnRequest() throws Exception {
		assertThat(get("/s/demo/policies/legal-notice", "text/html").body()).contains("販売業者");
		HttpResponse<String> english = http.send(request("/s/demo/policies/legal-notice")
			.header("Accept-Language", "en-US,en;q=0.9")
			.build(), BodyHandlers.ofString());
		assertThat(english.body()).contains("Seller").contains("lang=\"en\"");
		HttpResponse<String> switched = get("/s/demo/?lang=en", "text/html");
		assertThat(switched.body()).contains("lang=\"en\"");
		assertThat(switched.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("misemori_lang=en"));
	}

	private static void assertBaselineHeaders(HttpResponse<String> response) {
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		String scriptSrc = directive(csp, "script-src");
		assertThat(scriptSrc).contains("'nonce-").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(directive(csp, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
		assertThat(directive(csp, "object-src")).isEqualTo("object-src 'none'");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
				policy -> assertThat(policy).contains("camera=()").contains("payment=()"));
		assertThat(response.headers().firstValue("Server")).isEmpty();
		assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
	}

	private static String directive(String csp, String name) {
		for (String directive : csp.split(";")) {
			if (directive.strip().startsWith(name + " ")) {
				return directive.strip();
			}
		}
		throw new AssertionError("No " + name + " in " + csp);
	}

	/** The real sign-in: password, then the forced TOTP enrolment with a code computed from the page. */
	private String signedInOperatorSession() throws Exception {
		OperatorFixtures.noOperatorYet(environment);
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), "ops.headers", OperatorFixtures.EMAIL,
				OperatorFixtures.PASSPHRASE, OperatorFixtures.PASSPHRASE);
		HttpResponse<String> loginPage = get("/operator/login", "text/html");
		String cookie = sessionCookie(loginPage).split(";")[0];
		HttpResponse<String> login = post("/operator/login", cookie, csrfOf(loginPage), "username=ops.headers&password="
				+ URLEncoder.encode(OperatorFixtures.PASSPHRASE, StandardCharsets.UTF_8));
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/operator"));
		cookie = sessionCookie(login).split(";")[0];

		HttpResponse<String> gate = http.send(request("/operator").header("Cookie", cookie).build(), BodyHandlers.ofString());
		assertThat(gate.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/operator/2fa"));
		HttpResponse<String> enrolPage = http.send(request("/operator/2fa/enrol").header("Cookie", cookie).build(),
				BodyHandlers.ofString());
		Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(enrolPage.body());
		assertThat(secret.find()).as(enrolPage.body()).isTrue();
		HttpResponse<String> enrolled = post("/operator/2fa/enrol", cookie, csrfOf(enrolPage),
				"code=" + TotpFixtures.currentCode(secret.group(1)));
		assertThat(enrolled.statusCode()).isEqualTo(200);
		assertThat(enrolled.body()).contains("recovery-codes");
		return sessionCookie(enrolled).split(";")[0];
	}

	private HttpResponse<String> post(String path, String cookie, String csrf, String form)
			throws IOException, InterruptedException {
		return http.send(request(path).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), BodyHandlers.ofString());
	}

	private static String csrfOf(HttpResponse<String> page) {
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("CSRF token on %s", page.uri()).isTrue();
		return csrf.group(1);
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("MISEMORI_SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return http.send(request(path).header("Accept", accept).build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

}
