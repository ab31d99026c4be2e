package org.misemori.identity.campaign;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.TestClock;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.notify.Mails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misemori.TestBrowser.location;

/** An operator in an operator's campaign: mailed a link, made to set a new password at sign-in, then asked for the second factor. */
@MisemoriIntegrationTest
class OperatorCampaignIntegrationTest {

	private static final String NEW_PASSPHRASE = "運営者の新しい合言葉は秋の満月";

	@LocalServerPort
	int port;

	@Autowired
	OperatorSetup setup;

	@Autowired
	PlatformCampaigns campaigns;

	@Autowired
	TestClock clock;

	@Autowired
	GreenMail mailServer;

	@Autowired
	Environment environment;

	String email;

	@BeforeEach
	void oneOperator() throws Exception {
		OperatorFixtures.noOperatorYet(environment);
		email = Mails.uniqueRecipient("platform.example.jp");
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), "ops.kana", email, OperatorFixtures.PASSPHRASE,
				OperatorFixtures.PASSPHRASE);
	}

	@Test
	void anOperatorSigningInBeforeTheDeadlineSetsANewPasswordFirst() throws Exception {
		String deadline = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), CampaignRequest.SHOP_TIME)
			.withSecond(0)
			.withNano(0)
			.toString();
		CampaignProgress progress = campaigns.start(CampaignRequest.of("LIST", "ops.kana", deadline, clock), List.of(),
				"ops.kana");
		assertThat(progress.pending()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Mails.receivedBy(mailServer, email)
				.stream()
				.anyMatch(m -> Mails.textOf(m).contains("/operator/password-reset?token=")));

		TestBrowser browser = new TestBrowser(port);
		browser.get("/operator/login");
		String forced = location(browser.post("/operator/login",
				Map.of("username", "ops.kana", "password", OperatorFixtures.PASSPHRASE)));
		assertThat(forced).contains("/operator/password-reset?forced&token=");
		assertThat(location(browser.get("/operator"))).as("signed in to nothing").contains("/operator/login");
		browser.get(forced.substring(forced.indexOf("/operator")));
		HttpResponse<String> done = browser.post("/operator/password-reset",
				Map.of("token", browser.lastPageField("token"), "password", NEW_PASSPHRASE, "confirmation", NEW_PASSPHRASE));
		assertThat(location(done)).endsWith("/operator/login?reset");

		TestBrowser again = new TestBrowser(port);
		again.get("/operator/login");
		assertThat(location(again.post("/operator/login", Map.of("username", "ops.kana", "password", NEW_PASSPHRASE))))
			.endsWith("/operator");
		assertThat(location(again.get("/operator"))).as("the second factor still follows").contains("/operator/2fa");
		assertThat(campaigns.progress(progress.campaignId()).orElseThrow().reset()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Mails.receivedBy(mailServer, email)
				.stream()
				.anyMatch(m -> Mails.textOf(m).contains("パスワードが、")));
	}

}
