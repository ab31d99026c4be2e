package org.misemori.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.domain.OperatorSetup;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MisemoriIntegrationTest
class OperatorSetupIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	OperatorSetup setup;

	@Autowired
	Environment environment;

	String token;

	@BeforeEach
	void freshPlatform() throws SQLException {
		OperatorFixtures.noOperatorYet(environment);
		token = setup.issueTokenIfNoOperator().orElseThrow();
	}

	@Test
	void tokenCarriesAtLeast128BitsAndOnlyItsHashIsStored() throws SQLException {
		assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement(
						"SELECT count(*) FROM identity.operator_setup_token WHERE encode(token_hash, 'escape') LIKE ?")) {
			statement.setString(1, "%" + token + "%");
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				assertThat(rows.getInt(1)).isZero();
			}
		}
	}

	@Test
	void setupLinkCreatesTheFirstOperatorOnceAndTheOperatorCanSignIn() throws Exception {
		mvc.perform(get("/operator/setup").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("最初の運営者アカウント")));

		submit(token, "ops.hanako", OperatorFixtures.PASSPHRASE).andExpect(redirectedUrl("/operator/login?ready"));

		mvc.perform(formLogin("/operator/login").user("ops.hanako").password(OperatorFixtures.PASSPHRASE))
			.andExpect(authenticated().withUsername("ops.hanako").withRoles("OPERATOR"));
		mvc.perform(formLogin("/operator/login").user("ops.hanako").password("wrong password, long enough"))
			.andExpect(unauthenticated());
	}

	@Test
	void reusedTokenIsRefusedWithAClearMessage() throws Exception {
		submit(token, "ops.hanako", OperatorFixtures.PASSPHRASE).andExpect(status().is3xxRedirection());

		submit(token, "ops.mallory", OperatorFixtures.PASSPHRASE).andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("すでに使用されました")));
		mvc.perform(get("/operator/setup").param("token", token).header("Accept-Language", "en"))
			.andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("already been used")));
		assertThat(operatorLoginIds()).isEqualTo("ops.hanako");
	}

	@Test
	void wrongTokenIsRefusedWithAClearMessage() throws Exception {
		mvc.perform(get("/operator/setup").param("token", "not-the-token"))
			.andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("このセットアップリンクは無効です")));
		submit("not-the-token", "ops.mallory", OperatorFixtures.PASSPHRASE).andExpect(status().isGone());
		assertThat(operatorLoginIds()).isEmpty();
	}

	@Test
	void expiredTokenIsRefused() throws Exception {
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement(
						"UPDATE identity.operator_setup_token SET expires_at = now() - interval '1 second'")) {
			statement.executeUpdate();
		}
		mvc.perform(get("/operator/setup").param("token", token).header("Accept-Language", "en"))
			.andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("has expired")));
		submit(token, "ops.hanako", OperatorFixtures.PASSPHRASE).andExpect(status().isGone());
		assertThat(operatorLoginIds()).isEmpty();
	}

	@Test
	void tokenExpiresTwentyFourHoursAfterIssue() throws SQLException {
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement(
						"SELECT extract(epoch FROM expires_at - created_at) FROM identity.operator_setup_token WHERE used_at IS NULL AND revoked_at IS NULL");
				ResultSet rows = statement.executeQuery()) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getLong(1)).isEqualTo(24 * 3600);
		}
	}

	@Test
	void anEarlierLinkStopsWorkingWhenANewOneIsIssued() throws Exception {
		String newer = setup.issueTokenIfNoOperator().orElseThrow();
		submit(token, "ops.hanako", OperatorFixtures.PASSPHRASE).andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("より新しいリンク")));
		submit(newer, "ops.hanako", OperatorFixtures.PASSPHRASE).andExpect(status().is3xxRedirection());
	}

	@Test
	void noLinkIsIssuedOnceAnOperatorExists() throws Exception {
		submit(token, "ops.hanako", OperatorFixtures.PASSPHRASE).andExpect(status().is3xxRedirection());
		assertThat(setup.issueTokenIfNoOperator()).isEmpty();
	}

	@Test
	void emailShapedLoginIdAndShortPasswordAreRefusedAndTheTokenStaysUsable() throws Exception {
		submit(token, "hanako@example.jp", OperatorFixtures.PASSPHRASE).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("メールアドレスは使えません")));
		submit(token, "ops.hanako", "short pass").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("パスワードは 15 文字以上にしてください")));
		submit(token, "ops.hanako", OperatorFixtures.PASSPHRASE).andExpect(status().is3xxRedirection());
	}

	@Test
	void aMailAddressIsRequiredAndMustBeOneAndIsStored() throws Exception {
		submit(token, "ops.hanako", " ", OperatorFixtures.PASSPHRASE, "ja").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("メールアドレスを入力してください")));
		submit(token, "ops.hanako", "hanako at example", OperatorFixtures.PASSPHRASE, "en")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("not a valid email address")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"hanako at example\"")));
		submit(token, "ops.hanako", "Hanako <hanako@example.jp>", OperatorFixtures.PASSPHRASE, "ja")
			.andExpect(status().isUnprocessableContent());

		submit(token, "ops.hanako", " hanako@ops.example.jp ", OperatorFixtures.PASSPHRASE, "ja")
			.andExpect(redirectedUrl("/operator/login?ready"));
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner
					.prepareStatement("SELECT email FROM identity.operator_account WHERE login_id = 'ops.hanako'");
				ResultSet rows = statement.executeQuery()) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("hanako@ops.example.jp");
		}
	}

	@Test
	void storedPasswordIsArgon2idWithAtLeast19MibAndTwoIterations() throws Exception {
		submit(token, "ops.hanako", OperatorFixtures.PASSPHRASE).andExpect(status().is3xxRedirection());
		String hash;
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement(
						"SELECT password_hash FROM identity.operator_account WHERE login_id = 'ops.hanako'");
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			hash = rows.getString(1);
		}
		// $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>
		assertThat(hash).startsWith("$argon2id$v=19$");
		String[] parameters = hash.split("\\$")[3].split(",");
		assertThat(Integer.parseInt(parameters[0].substring(2))).isGreaterThanOrEqualTo(19 * 1024);
		assertThat(Integer.parseInt(parameters[1].substring(2))).isGreaterThanOrEqualTo(2);
		assertThat(parameters[2]).isEqualTo("p=1");
		assertThat(hash).doesNotContain(OperatorFixtures.PASSPHRASE);
	}

	private ResultActions submit(String setupToken, String loginId, String password) throws Exception {
		return submit(setupToken, loginId, OperatorFixtures.EMAIL, password, "ja");
	}

	private ResultActions submit(String setupToken, String loginId, String email, String password, String language)
			throws Exception {
		return mvc.perform(post("/operator/setup").with(csrf())
			.header("Accept-Language", language)
			.param("token", setupToken)
			.param("loginId", loginId)
			.param("email", email)
			.param("password", password)
			.param("confirmation", password));
	}

	private String operatorLoginIds() throws SQLException {
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner
					.prepareStatement("SELECT coalesce(string_agg(login_id, ','), '') FROM identity.operator_account");
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getString(1);
		}
	}

}
