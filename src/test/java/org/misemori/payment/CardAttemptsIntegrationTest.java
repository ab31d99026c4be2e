package org.misemori.payment;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.misemori.payment.CardPage;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.TestClock;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.ordering.CheckoutSteps;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Card-testing defence (issue 6 §5), through {@link Payments#open} as checkout calls it. The
 * test context's provider reaches nothing, so an admitted attempt ends as "unavailable" after
 * it was counted, and a refused one as {@link PaymentAttemptsExceeded} before the provider is
 * asked; with a real sandbox provider an admitted one would open. Addresses are from the
 * documentation ranges and random, so other tests' shoppers (127.0.0.1) are never counted here.
 */
@MisemoriIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CardAttemptsIntegrationTest {

	private static final String REFUSED = "PaymentAttemptsExceeded";

	@Autowired
	ShopAdministration administration;

	@Autowired
	Payments payments;

	@Autowired
	Environment environment;

	@Autowired
	TestClock clock;

	@Autowired
	Catalog catalog;

	@LocalServerPort
	int port;

	Shop shop;

	@BeforeEach
	void aShop() {
		shop = ShopFixtures.kissaShop(administration);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the26thAttemptFromOneAddressIsRefusedAndAlertsOnce(CapturedOutput output) throws Exception {
		String address = randomAddress();
		for (int attempt = 1; attempt <= 25; attempt++) {
			assertThat(CardOpenings.admitted(open(address, Optional.empty()))).as("attempt %d", attempt).isTrue();
		}
		assertThat(open(address, Optional.empty())).as("attempt 26").isEqualTo(REFUSED);
		assertThat(open(address, Optional.empty())).as("attempt 27").isEqualTo(REFUSED);
		assertThat(open(address, Optional.empty())).as("attempt 28").isEqualTo(REFUSED);

		assertThat(PaymentAudit.entries(environment, 702, "key=address:" + address + " ")).singleElement()
			.satisfies(entry -> assertThat(entry).isEqualTo(
					"system|" + shop.id().value() + "|limit=ADDRESS key=address:" + address + " allowed=25 window=PT30M"));
		assertThat(output.getAll().lines().filter(line -> line.contains("ERROR")
				&& line.contains("PAYMENT_ATTEMPTS_LIMITED limit=ADDRESS key=address:" + address + " "))).hasSize(1);

		assertThat(CardOpenings.admitted(open(randomAddress(), Optional.empty()))).as("another address").isTrue();
		// Other methods are not card testing: not counted, not refused.
		assertThat(CardOpenings.outcome(payments, shop, konbini(address))).isNotEqualTo(REFUSED);

		clock.advance(Duration.ofMinutes(31));
		assertThat(CardOpenings.admitted(open(address, Optional.empty()))).as("after the window").isTrue();
	}

	@Test
	void aMemberHasTenAttemptsWhateverTheirAddress() throws Exception {
		Optional<String> member = Optional.of("member-" + shop.id().value() + "-" + ThreadLocalRandom.current().nextInt(1_000_000));
		for (int attempt = 1; attempt <= 10; attempt++) {
			assertThat(CardOpenings.admitted(open(randomAddress(), member))).as("attempt %d", attempt).isTrue();
		}
		assertThat(open(randomAddress(), member)).isEqualTo(REFUSED);
		assertThat(open(randomAddress(), member)).isEqualTo(REFUSED);
		assertThat(PaymentAudit.entries(environment, 702, "key=member:" + member.get() + " ")).hasSize(1);
		assertThat(CardOpenings.admitted(open(randomAddress(), Optional.empty()))).as("a guest of the same shop").isTrue();

		clock.advance(Duration.ofMinutes(31));
		assertThat(CardOpenings.admitted(open(randomAddress(), member))).as("after the window").isTrue();
	}

	@Test
	void aShopTakesAtMostItsCeilingWhoeverTries() throws Exception {
		for (int attempt = 1; attempt <= 300; attempt++) {
			assertThat(CardOpenings.admitted(open(randomAddress(), Optional.empty()))).as("attempt %d", attempt).isTrue();
		}
		assertThat(open(randomAddress(), Optional.empty())).isEqualTo(REFUSED);
		assertThat(PaymentAudit.entries(environment, 702, "key=shop:" + shop.id().value() + " ")).hasSize(1);
		shopperIsToldWhy();
		Shop other = ShopFixtures.zakkaShop(administration);
		assertThat(CardOpenings.admitted(CardOpenings.outcome(payments, other,
				CardOpenings.card(other, randomAddress(), Optional.empty())))).as("another shop").isTrue();
	}

	@Test
	void anIpv6ClientCountsByItsSlash64() throws Exception {
		String prefix = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":7:";
		for (int attempt = 1; attempt <= 25; attempt++) {
			assertThat(CardOpenings.admitted(open(prefix + Integer.toHexString(attempt) + "::1", Optional.empty()))).isTrue();
		}
		assertThat(open(prefix + "abcd:1:2:3", Optional.empty())).as("same /64, new address").isEqualTo(REFUSED);
	}

	/** A shopper placing a card order now sees why on the payment field; nothing is placed. */
	private void shopperIsToldWhy() throws Exception {
		Variant kettle = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "鉄瓶", 8_800, 5));
		TestBrowser browser = new TestBrowser(port);
		String base = "/s/" + shop.code().value();
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		Map<String, String> fields = CheckoutSteps.guestForm("attempts@example.jp");
		fields.put("payment", "CARD");
		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base, fields);
		assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(200);
		HttpResponse<String> placed = CheckoutSteps.place(browser, base, confirmation);
		assertThat(placed.statusCode()).isEqualTo(422);
		assertThat(placed.body()).contains("カード決済のお試し回数が上限に達したため");
	}

	private String open(String address, Optional<String> member) {
		return CardOpenings.outcome(payments, shop, CardOpenings.card(shop, address, member));
	}

	private PaymentOpening konbini(String address) {
		PaymentOpening card = CardOpenings.card(shop, address, Optional.empty());
		return new PaymentOpening(PaymentKind.KONBINI, card.amount(), card.shopCode(), card.reference(), card.returnUrl(),
				card.cancelUrl(), Optional.empty(), Optional.empty(), address, CardPage.REDIRECT);
	}

	/** 198.18.0.0/15 (benchmarking): never a real shopper's, and random so runs do not share budgets. */
	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
