package org.misemori.identity.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.OperatorFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator console's campaign page: a fresh second factor, and refusals that say what to fix, in ja and en. */
@MisemoriIntegrationTest
class CampaignConsoleIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Test
	void startingACampaignAsksForARecentCode() throws Exception {
		mvc.perform(form("ALL", "", tomorrow(), "")
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.taro", Instant.now().minus(Duration.ofMinutes(10)))))
			.andExpect(redirectedUrl("/operator/2fa?stepup"));
	}

	@Test
	void badInputIsExplainedInJapaneseAndEnglish() throws Exception {
		refused(form("LIST", "", tomorrow(), ""), Locale.JAPANESE, "対象になるアカウントがありません");
		refused(form("LIST", "", tomorrow(), ""), Locale.ENGLISH, "No accounts are selected");
		refused(form("ALL", "", "2001-01-01T09:00", ""), Locale.JAPANESE, "期限は現在より後の日時にしてください");
		refused(form("ALL", "", "2001-01-01T09:00", ""), Locale.ENGLISH, "The deadline must be later than now");
		refused(form("LIST", "x@example.jp\n".repeat(40_000), tomorrow(), ""), Locale.JAPANESE, "一度に指定できるのは 10,000 件まで");
		refused(form("LIST", "x@example.jp\n".repeat(40_000), tomorrow(), ""), Locale.ENGLISH, "At most 10,000 accounts");
		refused(form("LIST", "nobody-here@example.jp", tomorrow(), ""), Locale.ENGLISH, "nobody-here@example.jp");
		refused(form("ALL", "", tomorrow(), "no-such-shop"), Locale.JAPANESE, "ショップコード no-such-shop のショップはありません");
	}

	@Test
	void aCampaignOverShopsWithoutOwnersIsRefusedAndThePageShowsProgress() throws Exception {
		Shop one = ShopFixtures.zakkaShop(administration);
		Shop two = ShopFixtures.kissaShop(administration);
		mvc.perform(form("OWNERS", "", tomorrow(), one.code() + " " + two.code())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.taro", Instant.now())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("対象になるアカウントがありません")));
		mvc.perform(get("/operator/campaigns").with(OperatorFixtures.signedInOperator("ops.taro")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("パスワード再設定キャンペーン")));
	}

	private void refused(MockHttpServletRequestBuilder request, Locale locale, String message) throws Exception {
		mvc.perform(request.locale(locale).with(OperatorFixtures.operatorWithTotpGivenAt("ops.taro", Instant.now())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(message)));
	}

	private static MockHttpServletRequestBuilder form(String selection, String accounts, String deadline, String shops) {
		return post("/operator/campaigns").with(csrf())
			.param("selection", selection)
			.param("accounts", accounts)
			.param("deadline", deadline)
			.param("shops", shops);
	}

	private static String tomorrow() {
		return LocalDateTime.now(CampaignRequest.SHOP_TIME).plusDays(1).withSecond(0).withNano(0).toString();
	}

}
