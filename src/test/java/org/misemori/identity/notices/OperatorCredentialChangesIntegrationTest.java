package org.misemori.identity.notices;

import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.domain.OperatorCredentialChanges;
import org.misemori.identity.domain.OperatorSetup;
import org.misemori.notify.Mails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An operator changes their own password and address: step-up, the current password, one mail each. */
@MisemoriIntegrationTest
class OperatorCredentialChangesIntegrationTest {

	private static final String NEW_PASSWORD = "lanterns along the night market";

	@Autowired
	MockMvc mvc;

	@Autowired
	OperatorSetup setup;

	@Autowired
	OperatorCredentialChanges changes;

	@Autowired
	Environment environment;

	@Autowired
	GreenMail mailServer;

	String email;

	@BeforeEach
	void operator() throws Exception {
		email = Mails.uniqueRecipient("ops.example.jp");
		OperatorFixtures.noOperatorYet(environment);
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), "ops.change", email, OperatorFixtures.PASSPHRASE,
				OperatorFixtures.PASSPHRASE);
	}

	@Test
	void passwordChangeNeedsTheCurrentOneAndARecentCodeAndMailsOnce() throws Exception {
		mvc.perform(post("/operator/account/password").with(csrf())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.change", Instant.now().minus(Duration.ofMinutes(6))))
			.param("current", OperatorFixtures.PASSPHRASE)
			.param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)).andExpect(redirectedUrl("/operator/2fa?stepup"));
		mvc.perform(post("/operator/account/password").with(csrf())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.change", Instant.now()))
			.param("current", "wrong wrong wrong wrong")
			.param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("現在のパスワードが正しくありません。")));
		mvc.perform(post("/operator/account/password").with(csrf())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.change", Instant.now()))
			.param("current", OperatorFixtures.PASSPHRASE)
			.param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)).andExpect(redirectedUrl("/operator/account"));

		assertThat(changes.isCurrentPassword("ops.change", NEW_PASSWORD)).isTrue();
		var mails = ChangeMails.settled(mailServer, email, "パスワードが変更されました");
		assertThat(mails).hasSize(1);
		assertThat(Mails.textOf(mails.get(0))).contains("ops.change", "ほかの運営者", "the other platform operators");
	}

	@Test
	void emailChangeMailsOldAndNewOnce() throws Exception {
		String newEmail = Mails.uniqueRecipient("ops2.example.jp");
		mvc.perform(post("/operator/account/email").with(csrf())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.change", Instant.now()))
			.param("email", newEmail)).andExpect(redirectedUrl("/operator/account"));
		assertThat(ChangeMails.settled(mailServer, email, "メールアドレスが変更されました")).hasSize(1);
		assertThat(ChangeMails.settled(mailServer, newEmail, "メールアドレスの変更が完了しました")).hasSize(1);
	}

}
