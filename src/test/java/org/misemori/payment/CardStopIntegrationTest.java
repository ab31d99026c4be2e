package org.misemori.payment;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.identity.OperatorFixtures;
import org.misemori.ordering.CheckoutSteps;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The emergency stop of card payments (issue 6 §6) through the operator console: who may use
 * it, what it stops and what it leaves alone, what the shopper is told, and the audit log.
 */
@MisemoriIntegrationTest
class CardStopIntegrationTest {

	private static final String PAGE = "/operator/payments";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Payments payments;

	@Autowired
	Catalog catalog;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	Shop stopped;

	Shop other;

	@BeforeEach
	void twoShops() {
		stopped = ShopFixtures.kissaShop(administration);
		other = ShopFixtures.zakkaShop(administration);
	}

	@Test
	void theConsolePageNeedsBothFactorsAndStoppingNeedsAFreshOne() throws Exception {
		mvc.perform(get(PAGE)).andExpect(redirectedUrl("/operator/login"));
		mvc.perform(get(PAGE).with(OperatorFixtures.operatorWithPasswordOnly("ops.stop")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(PAGE).with(OperatorFixtures.signedInOperator("ops.stop")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("カード決済の緊急停止")));
		mvc.perform(post(PAGE + "/stops").param("shopCode", stopped.code().value())
			.param("reason", "skimming suspected")
			.with(csrf())
			.with(OperatorFixtures.operatorWithTotpGivenAt("ops.stop", Instant.now().minus(Duration.ofMinutes(6)))))
			.andExpect(redirectedUrl("/operator/2fa?stepup"));
		mvc.perform(post(PAGE + "/stops").param("shopCode", stopped.code().value())
			.param("reason", "skimming suspected")
			.with(OperatorFixtures.signedInOperator("ops.stop"))).andExpect(status().isForbidden());
		assertThat(offersCard(stopped)).as("neither a stale code nor a missing CSRF token stops anything").isTrue();
	}

	@Test
	void aShopStopEndsCardThereOnlyIsShownToTheShopperAndIsAudited() throws Exception {
		String code = stopped.code().value();
		assertThat(offersCard(stopped)).isTrue();
		mvc.perform(stop(code, "スキミングの疑い (incident 42)")).andExpect(redirectedUrl(PAGE));

		assertThat(offersCard(stopped)).as("stopped at once on the node that stopped it").isFalse();
		assertThat(TenantContext.callAs(stopped.id(), () -> payments.offers(PaymentKind.KONBINI))).isTrue();
		assertThat(TenantContext.callAs(stopped.id(), () -> payments.offers(PaymentKind.DEFERRED))).isTrue();
		assertThat(offersCard(other)).as("another shop keeps card").isTrue();
		assertThat(CardOpenings.outcome(payments, stopped, CardOpenings.card(stopped, "192.0.2.10", Optional.empty())))
			.isEqualTo("PaymentStopped");
		assertThat(PaymentAudit.entries(environment, 700, "scope=shop:" + code))
			.containsExactly("ops.stop|" + stopped.id().value() + "|stop=" + stopId(code) + " scope=shop:" + code
					+ " reason=スキミングの疑い (incident 42)");

		mvc.perform(get(PAGE).with(OperatorFixtures.signedInOperator("ops.stop")))
			.andExpect(content().string(containsString("data-scope=\"" + code + "\"")))
			.andExpect(content().string(containsString("スキミングの疑い (incident 42)")));
		mvc.perform(stop(code, "again")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("すでに停止中")));

		shopperSeesNoCardAndIsToldWhy(code);

		mvc.perform(resume(stopId(code))).andExpect(redirectedUrl(PAGE));
		assertThat(offersCard(stopped)).isTrue();
		assertThat(PaymentAudit.entries(environment, 701, "scope=shop:" + code)).singleElement()
			.satisfies(entry -> assertThat(entry).startsWith("ops.stop|" + stopped.id().value() + "|")
				.endsWith("reason=スキミングの疑い (incident 42)"));
	}

	@Test
	void aPlatformStopEndsCardInEveryShopUntilResumed() throws Exception {
		mvc.perform(stop("", "provider compromised")).andExpect(redirectedUrl(PAGE));
		try {
			assertThat(offersCard(stopped)).isFalse();
			assertThat(offersCard(other)).isFalse();
			assertThat(TenantContext.callAs(other.id(), () -> payments.offers(PaymentKind.KONBINI))).isTrue();
			mvc.perform(get(PAGE).with(OperatorFixtures.signedInOperator("ops.stop")).header("Accept-Language", "en"))
				.andExpect(content().string(containsString("data-scope=\"all\"")))
				.andExpect(content().string(containsString("Every shop")));
		}
		finally {
			MvcResult page = mvc.perform(get(PAGE).with(OperatorFixtures.signedInOperator("ops.stop"))).andReturn();
			String body = page.getResponse().getContentAsString();
			String id = body.replaceAll("(?s).*data-stop=\"(\\d+)\" data-scope=\"all\".*", "$1");
			mvc.perform(resume(Long.parseLong(id))).andExpect(redirectedUrl(PAGE));
		}
		assertThat(offersCard(stopped)).isTrue();
		assertThat(PaymentAudit.entries(environment, 700, "reason=provider compromised")).singleElement()
			.satisfies(entry -> assertThat(entry).startsWith("ops.stop|null|").contains("scope=all-shops"));
		assertThat(PaymentAudit.entries(environment, 701, "reason=provider compromised")).hasSize(1);
	}

	@Test
	void badRequestsAreRefusedWithAReason() throws Exception {
		mvc.perform(stop("no-such-shop-1", "x")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("そのショップコードのショップは見つかりません")));
		mvc.perform(stop(stopped.code().value(), "   ")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("停止の理由を入力してください")));
		mvc.perform(stop(stopped.code().value(), "長".repeat(501))).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("500文字以内")));
		mvc.perform(resume(Long.MAX_VALUE)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("すでに解除されています")));
		assertThat(offersCard(stopped)).isTrue();
		mvc.perform(get(PAGE).with(OperatorFixtures.signedInOperator("ops.stop")))
			.andExpect(content().string(not(containsString("data-scope=\"" + stopped.code().value() + "\""))));
	}

	@Test
	void theRuntimeRoleSeesOnlyWhatIsStoppedAndCannotStopOrResume() throws Exception {
		try (java.sql.Connection runtime = org.misemori.Databases.asRuntimeRole(environment);
				java.sql.Statement statement = runtime.createStatement()) {
			statement.executeQuery("SELECT stopped_shop_id FROM payment.card_stop WHERE resumed_at IS NULL").close();
			for (String sql : new String[] { "SELECT reason FROM payment.card_stop",
					"INSERT INTO payment.card_stop (reason, stopped_by, stopped_at) VALUES ('x', 'x', now())",
					"UPDATE payment.card_stop SET resumed_at = now(), resumed_by = 'x'",
					"DELETE FROM payment.card_stop" }) {
				assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> statement.execute(sql)))
					.as(sql).isInstanceOf(java.sql.SQLException.class).hasMessageContaining("permission denied");
			}
		}
	}

	/** The checkout form stops listing card; a confirmation made before the stop is refused with the reason. */
	private void shopperSeesNoCardAndIsToldWhy(String code) throws Exception {
		Variant kettle = CheckoutSteps.product(catalog, stopped, CatalogFixtures.publishedProduct(catalog, stopped, "鉄瓶", 8_800, 5));
		TestBrowser browser = new TestBrowser(port);
		String base = "/s/" + code;
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		HttpResponse<String> form = browser.get(base + "/checkout");
		assertThat(form.body()).doesNotContain("value=\"CARD\"").contains("value=\"KONBINI\"", "value=\"BANK_TRANSFER\"")
			.as("the form says why card is missing")
			.contains("ただいまクレジットカードでのお支払いを停止しています");
		Map<String, String> fields = CheckoutSteps.guestForm("stop@example.jp");
		fields.put("payment", "CARD");
		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base, fields);
		assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(200);
		HttpResponse<String> placed = CheckoutSteps.place(browser, base, confirmation);
		assertThat(placed.statusCode()).isEqualTo(422);
		assertThat(placed.body()).contains("ただいまクレジットカードでのお支払いを停止しています");
	}

	private boolean offersCard(Shop shop) {
		return TenantContext.callAs(shop.id(), () -> payments.offers(PaymentKind.CARD));
	}

	private long stopId(String code) throws Exception {
		String body = mvc.perform(get(PAGE).with(OperatorFixtures.signedInOperator("ops.stop")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll("(?s).*data-stop=\"(\\d+)\" data-scope=\"" + code + "\".*", "$1"));
	}

	private static org.springframework.test.web.servlet.RequestBuilder stop(String shopCode, String reason) {
		return post(PAGE + "/stops").param("shopCode", shopCode)
			.param("reason", reason)
			.with(csrf())
			.with(OperatorFixtures.signedInOperator("ops.stop"));
	}

	private static org.springframework.test.web.servlet.RequestBuilder resume(long id) {
		return post(PAGE + "/stops/" + id + "/resume").with(csrf()).with(OperatorFixtures.signedInOperator("ops.stop"));
	}

}
