package org.misemori.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriApplication;
import org.misemori.TestBrowser;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.notify.Mails;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misemori.TestBrowser.location;

/**
 * Two application instances in one JVM on one embedded PostgreSQL, as two nodes behind a load
 * balancer: node A starts the embedded database as usual; node B is configured the way an
 * external-PostgreSQL node is (explicit URL and roles), pointed at A's database. Nothing but
 * the database (and A's key file, as a shared volume would provide) connects them.
 */
class TwoNodesIntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String WRONG = "not the passphrase, but long enough";

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		nodeA = new SpringApplicationBuilder(MisemoriApplication.class).run("--server.port=0",
				"--misemori.database.embedded.ephemeral=true", "--misemori.platform-hosts=localhost");
		Environment a = nodeA.getEnvironment();
		// What an operator would configure on a second node. The embedded flag keeps B's
		// development mail (its own GreenMail on a free port); the demo seeder finds A's shop.
		nodeB = new SpringApplicationBuilder(MisemoriApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + a.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=misemori_app", "--spring.datasource.password=",
				"--spring.flyway.user=misemori_owner", "--spring.flyway.password=",
				"--misemori.database.operator-username=misemori_operator", "--misemori.database.operator-password=",
				// The same master keyset, or B could not open the TOTP seeds A sealed.
				"--misemori.data-dir=" + a.getRequiredProperty("misemori.data-dir"),
				"--misemori.database.embedded=true", "--misemori.platform-hosts=localhost");
	}

	@AfterAll
	static void stopBoth() {
		// B first: A's close stops the embedded PostgreSQL and deletes its directory.
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	@Test
	void aSessionCreatedOnOneNodeIsValidOnTheOtherAndEndsOnBoth() throws Exception {
		String loginId = newOperator(OperatorFixtures.EMAIL);
		Client browser = new Client();
		browser.get(port(nodeA), "/operator/login");
		assertThat(redirect(browser.post(port(nodeA), "/operator/login",
				Map.of("username", loginId, "password", OperatorFixtures.PASSPHRASE)))).endsWith("/operator");
		String secret = TestBrowser.find(SECRET, browser.get(port(nodeA), "/operator/2fa/enrol"));
		assertThat(browser.post(port(nodeA), "/operator/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)))
			.statusCode()).isEqualTo(200);
		String session = browser.cookie("MISEMORI_SESSION");

		HttpResponse<String> console = browser.get(port(nodeB), "/operator");
		assertThat(console.statusCode()).as("node B serves node A's session").isEqualTo(200);
		assertThat(console.body()).contains("ショップ一覧");

		assertThat(redirect(browser.post(port(nodeB), "/operator/logout", Map.of()))).endsWith("/operator/login?logout");
		// The old cookie itself, sent explicitly: logout may have cleared it in the jar.
		HttpResponse<String> afterLogout = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(nodeA) + "/operator"))
				.header("Accept", "text/html")
				.header("Cookie", "MISEMORI_SESSION=" + session)
				.build(), BodyHandlers.ofString());
		assertThat(afterLogout.statusCode()).isEqualTo(302);
		assertThat(location(afterLogout)).endsWith("/operator/login");
	}

	@Test
	void failuresOnBothNodesCountTowardsOneLockAndOneMail() throws Exception {
		String email = Mails.uniqueRecipient("ops.example.jp");
		String loginId = newOperator(email);
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
			for (int i = 1; i <= 5; i++) {
				assertThat(signIn(node, loginId, WRONG)).as("failure %d", i).endsWith("/operator/login?error");
			}
		}
		assertThat(signIn(nodeA, loginId, OperatorFixtures.PASSPHRASE)).endsWith("/operator/login?locked");
		assertThat(signIn(nodeB, loginId, OperatorFixtures.PASSPHRASE)).endsWith("/operator/login?locked");

		// Whichever node's outbox worker sends the mail delivers it to that node's own server.
		await().atMost(Duration.ofSeconds(20)).until(() -> lockMailsTo(email) > 0);
		Thread.sleep(2_500);
		assertThat(lockMailsTo(email)).as("one lock mail across both nodes").isEqualTo(1);
	}

	private static String newOperator(String email) throws Exception {
		OperatorFixtures.noOperatorYet(nodeA.getEnvironment());
		OperatorSetup setup = nodeA.getBean(OperatorSetup.class);
		String loginId = "ops.node" + ThreadLocalRandom.current().nextInt(1_000_000);
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), loginId, email, OperatorFixtures.PASSPHRASE,
				OperatorFixtures.PASSPHRASE);
		return loginId;
	}

	private static String signIn(ConfigurableApplicationContext node, String loginId, String password)
			throws Exception {
		Client client = new Client();
		client.get(port(node), "/operator/login");
		return redirect(client.post(port(node), "/operator/login", Map.of("username", loginId, "password", password)));
	}

	/** Where a response redirects to; anything else fails with what the node answered instead. */
	private static String redirect(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s answered:%n%s", response.uri(), response.body()).isEqualTo(302);
		return location(response);
	}

	/** Lock notices only: other mail to the holder (a sign-in alert, say) is not this test's business. */
	private static long lockMailsTo(String email) {
		return Stream.of(nodeA, nodeB)
			.flatMap(node -> Mails.receivedBy(node.getBean(GreenMail.class), email).stream())
			.filter(mail -> Mails.textOf(mail).contains("after 10 failed sign-in attempts in a row"))
			.count();
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * One browser talking to both nodes with one cookie jar (cookies are not per port), as a
	 * browser behind a load balancer would; TestBrowser is bound to a single port.
	 */
	private static final class Client {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private HttpResponse<String> lastPage;

		HttpResponse<String> get(int port, String path) throws Exception {
			return send(request(port, path).GET());
		}

		/** Posts a form with the CSRF token of the page fetched last, whichever node served it. */
		HttpResponse<String> post(int port, String path, Map<String, String> form) throws Exception {
			String body = form.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&", "", form.isEmpty() ? "" : "&"));
			String csrf = "_csrf=" + URLEncoder.encode(TestBrowser.find(CSRF, lastPage), StandardCharsets.UTF_8);
			return send(request(port, path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body + csrf)));
		}

		String cookie(String name) {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals(name))
				.map(c -> c.getValue())
				.findFirst()
				.orElseThrow();
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				lastPage = response;
			}
			return response;
		}

		private static HttpRequest.Builder request(int port, String path) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
		}

	}

}
