package org.misemori.vault.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestClock;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.identity.member.MemberProfile;
import org.misemori.identity.member.MemberProfiles;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.KeyRotations;
import org.misemori.vault.KeyRotationProgress.Status;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator's rotate button and progress page, over the real console. */
@MisemoriIntegrationTest
class OperatorKeyRotationIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MemberProfiles profiles;

	@Autowired
	KeyRotations rotations;

	@Autowired
	KeyRotationWorker worker;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anOperatorRotatesAShopsKeysAfterAFreshCodeAndFollowsItToTheEnd() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		for (int i = 0; i < 5; i++) {
			MemberFixtures.memberWithProfile(profiles, shop, "rotate" + i + "@example.jp", "$argon2id$v=19$m=19456,t=2,p=1$x",
					new MemberProfile("鍵 更新" + i, null, null, null, "03-0000-000" + i, null, "東京都", null, null, null));
		}
		String page = "/operator/shops/" + shop.code().value() + "/keys";
		mvc.perform(get(page).with(OperatorFixtures.signedInOperator("ops.keys")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("鍵を更新")));

		mvc.perform(post(page + "/rotate").with(csrf())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.keys", Instant.now().minus(Duration.ofMinutes(6)))))
			.andExpect(redirectedUrl("/operator/2fa?stepup"));
		assertThat(rotations.latest(shop.id())).as("a stale code starts nothing").isEmpty();

		mvc.perform(post(page + "/rotate").with(csrf()).with(OperatorFixtures.signedInOperator("ops.keys")))
			.andExpect(redirectedUrl(page));
		assertThat(rotations.latest(shop.id())).hasValueSatisfying(rotation -> {
			assertThat(rotation.requestedBy()).isEqualTo("ops.keys");
			assertThat(rotation.rowsTotalAtStart()).isEqualTo(5);
		});
		mvc.perform(get(page).with(OperatorFixtures.signedInOperator("ops.keys")))
			.andExpect(content().string(containsString("/ 5")))
			.andExpect(content().string(containsString("ops.keys")));

		clock.advance(KeyRotationWorker.SETTLING.plusSeconds(1));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			worker.workUnfinished();
			return rotations.latest(shop.id()).orElseThrow().status() == Status.DONE;
		});
		mvc.perform(get(page).with(OperatorFixtures.signedInOperator("ops.keys")).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("data-status=\"DONE\"")))
			.andExpect(content().string(containsString("5 / 5")));
	}

	@Test
	void aClosedOrUnknownShopHasNoKeysPage() throws Exception {
		mvc.perform(get("/operator/shops/no-such-shop/keys").with(OperatorFixtures.signedInOperator("ops.keys")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/operator/shops/demo/keys")).andExpect(redirectedUrl("/operator/login"));
	}

}
