package org.misemori.storefront;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MisemoriIntegrationTest
class StorefrontRoutingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Test
	void demoShopHomeAndLegalNoticeRenderByPath() throws Exception {
		mvc.perform(get("/s/demo/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("店守デモ商店"), containsString("暮らしの道具と、季節の食卓。"),
					containsString("href=\"/s/demo/policies/legal-notice\""))));
		mvc.perform(get("/s/demo/policies/legal-notice"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("特定商取引法に基づく表記"), containsString("店守デモ株式会社"),
					containsString("返品"))));
		mvc.perform(get("/s/demo")).andExpect(redirectedUrl("/s/demo/"));
	}

	@Test
	void eachShopShowsItsOwnProfileOnly() throws Exception {
		Shop kissa = ShopFixtures.kissaShop(administration);
		Shop zakka = ShopFixtures.zakkaShop(administration);
		mvc.perform(get("/s/" + kissa.code() + "/"))
			.andExpect(content().string(allOf(containsString("喫茶みどりへようこそ"), not(containsString("雑貨のはな")))));
		mvc.perform(get("/s/" + zakka.code() + "/policies/legal-notice"))
			.andExpect(content().string(allOf(containsString("雑貨のはな株式会社"), not(containsString("喫茶みどり")))));
	}

	@Test
	void shopIsReachedOnItsOwnHostName() throws Exception {
		String host = ShopFixtures.uniqueHost();
		Shop shop = ShopFixtures.shopOnItsOwnHost(administration, host);
		mvc.perform(get("/").with(onHost(host)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(shop.name() + "へようこそ"),
					containsString("href=\"/policies/legal-notice\""), not(containsString("/s/" + shop.code())))));
		mvc.perform(get("/policies/legal-notice").with(onHost(host.toUpperCase())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("自社ドメイン店株式会社")));
		mvc.perform(get("/assets/css/misemori.css").with(onHost(host))).andExpect(status().isOk());
		mvc.perform(get("/assets/theme.css").with(onHost(host))).andExpect(status().isOk());
	}

	@Test
	void operatorConsoleIsNotReachableOnAShopsHost() throws Exception {
		String host = ShopFixtures.uniqueHost();
		ShopFixtures.shopOnItsOwnHost(administration, host);
		mvc.perform(get("/operator/login").with(onHost(host))).andExpect(status().isNotFound());
	}

	@Test
	void unknownShopGetsTheStorefrontsOwn404Page() throws Exception {
		mvc.perform(get("/s/no-such-shop/"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("ショップが見つかりません")));
		mvc.perform(get("/s/NOT_A_CODE/policies/legal-notice").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Shop not found")));
		mvc.perform(get("/").with(onHost("unknown.example.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Misemori")));
	}

	@Test
	void closedShopTellsShoppersItClosedAndShowsNoData() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		administration.closeShop(shop.code().value(), 30);
		mvc.perform(get("/s/" + shop.code() + "/policies/legal-notice"))
			.andExpect(status().isGone())
			.andExpect(content().string(allOf(containsString("閉店しました"), not(containsString("喫茶みどり株式会社")))));
	}

	private static RequestPostProcessor onHost(String host) {
		return request -> {
			request.setServerName(host);
			return request;
		};
	}

}
