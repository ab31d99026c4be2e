package org.misemori.identity.member;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Whether an address has an account must not show, in the page or in the time it takes: at
 * least 200 requests each for a known and an unknown address, alternating, on password reset and on
 * sign-in with a wrong password. The medians must differ by less than 5 %.
 */
@MisemoriIntegrationTest
class MemberEnumerationTimingIntegrationTest {

	private static final int TRIES = 200;

	/**
	 * A reset request takes about 6 ms, where this shared machine's noise alone moves a median
	 * of 200 by up to 6 %; twice the tries narrow that spread by about 1.4 times.
	 */
	private static final int RESET_TRIES = 400;

	/** Pairs run first and not counted: the JIT and caches settle. */
	private static final int WARM_UP = 20;

	private boolean lastKnownFirst;

	private static final String PASSWORD = "はなの雑貨で春を待つ";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MemberAccounts members;

	@Autowired
	Environment environment;

	@Test
	void knownAndUnknownAddressesLookAndTakeTheSame() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		String known = Mails.uniqueRecipient("example.jp");
		String hash = members.checkSignUp(known, PASSWORD, PASSWORD);
		TenantContext.runAs(shop.id(), () -> members.completeSignUp(shop, known, hash));
		execute("UPDATE identity.member_account SET status = 'ACTIVE'");
		String unknown = Mails.uniqueRecipient("example.jp");
		String base = "/s/" + shop.code() + "/account";

		Timings reset = compare(known, unknown, false, RESET_TRIES,
				email -> post(base + "/reset").with(csrf()).param("email", email));
		Timings login = compare(known, unknown, true, TRIES,
				email -> post(base + "/login").with(csrf()).param("email", email).param("password", "not the password 1"));

		System.out.printf("MEMBER_ENUMERATION_TIMING reset: known %.2f ms, unknown %.2f ms, difference %.1f %%%n",
				reset.knownMs(), reset.unknownMs(), reset.differencePercent());
		System.out.printf("MEMBER_ENUMERATION_TIMING login: known %.2f ms, unknown %.2f ms, difference %.1f %%%n",
				login.knownMs(), login.unknownMs(), login.differencePercent());
		assertThat(reset.knownBody()).isEqualTo(reset.unknownBody());
		assertThat(login.knownBody()).isEqualTo(login.unknownBody());
		assertThat(reset.differencePercent()).isLessThan(5.0);
		assertThat(login.differencePercent()).isLessThan(5.0);
	}

	private Timings compare(String known, String unknown, boolean signIn, int tries, RequestFor request)
			throws Exception {
		List<Long> knownNanos = new ArrayList<>();
		List<Long> unknownNanos = new ArrayList<>();
		String knownBody = null;
		String unknownBody = null;
		java.util.Random order = new java.util.Random(7);
		for (int i = 0; i < (WARM_UP + tries) * 2; i++) {
			// Each pair in a random order, so that neither address always follows the other.
			if (i % 2 == 0) {
				lastKnownFirst = order.nextBoolean();
			}
			boolean isKnown = (i % 2 == 0) == lastKnownFirst;
			if (signIn) {
				forgetThrottling();
			}
			long start = System.nanoTime();
			MvcResult result = mvc.perform(request.build(isKnown ? known : unknown)).andReturn();
			long elapsed = System.nanoTime() - start;
			// Per-response random values (CSRF token, CSP nonce) differ on every page and tell nothing.
			String body = result.getResponse()
				.getContentAsString()
				.replaceAll("(name=\"_csrf\" value|data-csrf|nonce)=\"[^\"]+\"", "$1=\"…\"");
			if (i >= WARM_UP * 2) {
				(isKnown ? knownNanos : unknownNanos).add(elapsed);
			}
			if (isKnown) {
				knownBody = body;
			}
			else {
				unknownBody = body;
			}
			// Let the work a request handed off (50 ms after it) finish before the next is timed:
			// on two shared cores it would otherwise land on a random later request.
			Thread.sleep(signIn ? 15 : 100);
		}
		return new Timings(median(knownNanos), median(unknownNanos), knownBody, unknownBody);
	}

	/** Throttling is tested elsewhere; here every attempt must reach the password check. */
	private void forgetThrottling() throws Exception {
		try (Connection owner = Databases.asOwner(environment); Statement statement = owner.createStatement()) {
			statement.execute("DELETE FROM identity.login_failure WHERE account_key LIKE 'member:%'");
			statement.execute("DELETE FROM identity.login_bucket");
		}
	}

	private void execute(String sql) throws Exception {
		try (Connection crossShop = Databases.asCrossShopRole(environment);
				Statement statement = crossShop.createStatement()) {
			assertThat(statement.executeUpdate(sql)).isPositive();
		}
	}

	private static double median(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0 / 1_000_000.0;
	}

	interface RequestFor {

		org.springframework.test.web.servlet.RequestBuilder build(String email);

	}

	record Timings(double knownMs, double unknownMs, String knownBody, String unknownBody) {

		double differencePercent() {
			return Math.abs(knownMs - unknownMs) / Math.max(knownMs, unknownMs) * 100;
		}

	}

}
