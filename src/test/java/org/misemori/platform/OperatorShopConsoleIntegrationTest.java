package org.misemori.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.OperatorFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MisemoriIntegrationTest
class OperatorShopConsoleIntegrationTest {

	private static final RequestPostProcessor OPERATOR = OperatorFixtures.signedInOperator("ops.taro");

	@Autowired
	MockMvc mvc;

	@Autowired
	Environment environment;

	@Test
	void consoleRequiresAnOperator() throws Exception {
		mvc.perform(get("/operator")).andExpect(redirectedUrl("/operator/login"));
	}

	@Test
	void operatorOpensListsAndClosesAShopAndEachStepIsAudited() throws Exception {
		String code = "tea-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		mvc.perform(post("/operator/shops").with(OPERATOR).with(csrf()).param("code", code).param("name", "お茶の店").param("hostName", ""))
			.andExpect(redirectedUrl("/operator"));
		mvc.perform(get("/operator").with(OPERATOR)).andExpect(content().string(containsString(code)));
		mvc.perform(get("/s/" + code + "/").with(OPERATOR)).andExpect(status().isOk());

		mvc.perform(post("/operator/shops/" + code + "/close").with(OPERATOR).with(csrf()).param("retentionDays", "30"))
			.andExpect(redirectedUrl("/operator"));

		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement(
						"SELECT status, retention_days, purge_after - closed_at AS kept FROM platform.shop WHERE code = ?")) {
			statement.setString(1, code);
			try (ResultSet row = statement.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString("status")).isEqualTo("CLOSED");
				assertThat(row.getInt("retention_days")).isEqualTo(30);
				assertThat(row.getObject("kept", org.postgresql.util.PGInterval.class).getDays()).isEqualTo(30);
			}
		}
		assertThat(auditTypesFor("ops.taro")).contains("CROSS_SHOP_ACCESS", "SHOP_OPENED", "SHOP_CLOSED");
		mvc.perform(get("/s/" + code + "/").with(OPERATOR)).andExpect(status().isGone());
	}

	@Test
	void badShopRequestsGetClearMessagesAndChangeNothing() throws Exception {
		mvc.perform(post("/operator/shops").with(OPERATOR).with(csrf()).param("code", "Bad Code!").param("name", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ショップコードは英小文字・数字・ハイフン")));
		mvc.perform(post("/operator/shops").with(OPERATOR).with(csrf())
			.header("Accept-Language", "en")
			.param("code", "demo")
			.param("name", "Another demo"))
			.andExpect(content().string(containsString("already in use")));
		mvc.perform(post("/operator/shops").with(OPERATOR).with(csrf()).param("code", "ok-code-1").param("name", " "))
			.andExpect(content().string(containsString("ショップ名は 1〜100 文字")));
		mvc.perform(post("/operator/shops").with(OPERATOR).with(csrf())
			.param("code", "ok-code-2")
			.param("name", "x")
			.param("hostName", "not a host"))
			.andExpect(content().string(containsString("独自ドメインの形式")));
		mvc.perform(post("/operator/shops/no-such-shop/close").with(OPERATOR).with(csrf()).param("retentionDays", "30"))
			.andExpect(redirectedUrl("/operator"));
		mvc.perform(post("/operator/shops/demo/close").with(OPERATOR).with(csrf()).param("retentionDays", "9999"))
			.andExpect(redirectedUrl("/operator"));
		mvc.perform(get("/s/demo/").with(OPERATOR)).andExpect(status().isOk());
	}

	@Test
	void operatorsSeeMetricsAndHealthDetails() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(OPERATOR)).andExpect(status().isOk());
		mvc.perform(get("/actuator/health").with(OPERATOR)).andExpect(content().string(containsString("db")));
	}

	@Test
	void passwordAloneDoesNotOpenTheConsole() throws Exception {
		mvc.perform(get("/operator").with(OperatorFixtures.operatorWithPasswordOnly("ops.taro")))
			// Either second factor will do: the code page offers TOTP and a passkey.
			.andExpect(redirectedUrl(
					"/operator/2fa?factor.type=totp&factor.type=webauthn&factor.reason=missing&factor.reason=missing"));
		mvc.perform(get("/actuator/prometheus").with(OperatorFixtures.operatorWithPasswordOnly("ops.taro")))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void anonymousHealthShowsNoDetails() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("db"))));
		mvc.perform(post("/operator/shops").with(csrf()).param("code", "sneaky").param("name", "x"))
			.andExpect(redirectedUrl("/operator/login"));
	}

	private List<String> auditTypesFor(String actor) throws Exception {
		List<String> types = new ArrayList<>();
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner
					.prepareStatement("SELECT type FROM audit.audit_event WHERE actor = ? AND occurred_at > now() - ?::interval")) {
			statement.setString(1, actor);
			statement.setString(2, Duration.ofMinutes(5).toSeconds() + " seconds");
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					types.add(rows.getString(1));
				}
			}
		}
		return types;
	}

}
