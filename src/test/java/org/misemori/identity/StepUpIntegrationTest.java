package org.misemori.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Adding people to a shop needs a code given in the last five minutes, not just a signed-in session. */
@MisemoriIntegrationTest
class StepUpIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Test
	void invitingAnOwnerWithAnOldCodeAsksForANewOne() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
		mvc.perform(post("/operator/shops/" + shop.code() + "/owner").with(csrf())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.taro", tenMinutesAgo))
			.param("loginId", "hana")
			.param("displayName", "花田 はな")
			.param("email", "hana@zakka.example.jp"))
			.andExpect(redirectedUrl("/operator/2fa?stepup"));

		mvc.perform(post("/operator/shops/" + shop.code() + "/owner").with(csrf())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.taro", Instant.now()))
			.param("loginId", "hana")
			.param("displayName", "花田 はな")
			.param("email", "hana@zakka.example.jp"))
			.andExpect(redirectedUrl("/operator"));
	}

}
