package org.misemori.payment;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.payment.CardShopper.Card;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 6: "Misemori killed between the redirect and the webhook: after restart the
 * reconciliation settles the order exactly once." The packaged jar runs as a process; Sandbox
 * Pay runs in this JVM, so it outlives the kill. The shopper is sent to the provider's page,
 * Misemori is killed outright (kill -9: no shutdown hook, its embedded PostgreSQL left running),
 * the shopper pays, and the provider's webhook fails until it gives up (two attempts). Misemori is
 * started again on the same data directory and port; the shopper never comes back to the return
 * page, so only the reconciliation can learn of the payment. Then the provider resends the
 * webhook: answered, and nothing changes.
 */
class PaymentCrashIT {

	private static final String ORDER_OF_PAYMENT = """
			SELECT p.shop_id, p.order_id, p.provider_version, p.status, o.status
			  FROM payment.order_payment p JOIN ordering.shop_order o ON o.shop_id = p.shop_id AND o.id = p.order_id
			 WHERE p.provider_payment_id = ?""";

	private static final String CHANGES_TO_PAID = """
			SELECT changed_by FROM ordering.order_status_change
			 WHERE shop_id = ? AND order_id = ? AND to_status = 'PAID'""";

	private static final String EVENTS_OF_ORDER = """
			SELECT event_id, applied FROM payment.provider_event WHERE shop_id = ? AND order_id = ? ORDER BY received_at""";

	@TempDir
	Path temp;

	private final List<LaunchedMisemori> launched = new ArrayList<>();

	private SandboxPayHooks provider;

	@AfterEach
	void stopAll() {
		LaunchedMisemori.keepConsole(temp.resolve("console.log"), "PaymentCrashIT");
		launched.forEach(LaunchedMisemori::stopQuietly);
		if (provider != null) {
			provider.server().close();
		}
	}

	@Test
	void afterACrashBetweenRedirectAndWebhookTheReconciliationSettlesTheOrderExactlyOnce() throws Exception {
		int port = LaunchedMisemori.freePort();
		provider = SandboxPayHooks.start(port, 2);
		Path data = temp.resolve("data");
		LaunchedMisemori first = launch(data, port);
		RecordingBrowser browser = new RecordingBrowser(first.origin());
		CardShopper shopper = new CardShopper(browser, first.origin());
		CardShopper.Placed placed = shopper.placeCardOrder("makisu", "crash@example.jp");

		long postgres = Long.parseLong(java.nio.file.Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
		first.kill();
		boolean orphaned = ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false);
		HttpResponse<String> backToShop = shopper.payAtProvider(placed, false,
				List.of(new Card("4242424242424242", "12/30", "7391")));
		assertThat(RecordingBrowser.location(backToShop).getPath()).contains("/checkout/payment/return/" + placed.key());
		JsonNode payment = provider.paymentOfCheckout(placed.key());
		String paymentId = payment.path("id").asString();
		assertThat(payment.path("status").asString()).isEqualTo("AUTHORIZED");
		JsonNode authorized = awaitWebhookGivenUp(paymentId);

		LaunchedMisemori second = launch(data, port);
		assertThat(orphaned).as("kill -9 leaves the embedded PostgreSQL running").isTrue();
		assertThat(second.console()).as("the orphan is stopped, and said so")
			.contains("is still running (pid " + postgres + "): stopping it before starting again");
		awaitPaidOnTheCompletionPage(browser, second, placed.key());

		long[] order;
		try (Connection db = second.asSuperuser()) {
			order = orderOf(db, paymentId, "AUTHORIZED", "PAID", 2);
			assertThat(changesToPaid(db, order)).containsExactly("reconciliation");
			assertThat(events(db, order)).as("no webhook came through").isEmpty();
		}

		JsonNode resent = provider.resend(authorized.path("id").asString());
		assertThat(resent.path("id").asString()).isEqualTo(authorized.path("id").asString());
		awaitDeliveries(paymentId, 1);
		provider.resend(authorized.path("id").asString());
		awaitDeliveries(paymentId, 2);
		try (Connection db = second.asSuperuser()) {
			assertThat(orderOf(db, paymentId, "AUTHORIZED", "PAID", 2)).containsExactly(order);
			assertThat(changesToPaid(db, order)).as("paid exactly once").containsExactly("reconciliation");
			assertThat(events(db, order)).as("the resent event recorded once, as old news: nothing applied")
				.containsExactly(authorized.path("id").asString() + " applied=false");
		}
	}

	private LaunchedMisemori launch(Path data, int port) throws Exception {
		List<String> arguments = new ArrayList<>(provider.misemoriArguments());
		arguments.addAll(List.of("--misemori.payments.reconcile.interval=PT2S", "--misemori.payments.reconcile.quiet-for=PT1S"));
		LaunchedMisemori misemori = LaunchedMisemori.launch(data, port, temp.resolve("console.log"), arguments);
		launched.add(misemori);
		return misemori;
	}

	/** The payment's only event (authorized), once the provider tried it twice and gave up. */
	private JsonNode awaitWebhookGivenUp(String paymentId) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			JsonNode events = provider.events(paymentId);
			if (events.size() == 1 && events.get(0).path("attempts").asInt() == 2) {
				assertThat(events.get(0).path("type").asString()).isEqualTo("payment.authorized");
				assertThat(events.get(0).path("deliveries").asInt()).isZero();
				return events.get(0);
			}
			Thread.sleep(200);
		}
		return fail("the webhook was not tried twice: %s", provider.events(paymentId));
	}

	private void awaitDeliveries(String paymentId, int deliveries) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (provider.events(paymentId).get(0).path("deliveries").asInt() < deliveries) {
			if (System.nanoTime() > deadline) {
				fail("the resent webhook was not answered 2xx: %s", provider.events(paymentId));
			}
			Thread.sleep(100);
		}
	}

	/** Read-only: the completion page shows what Misemori holds and asks the provider nothing. */
	private static void awaitPaidOnTheCompletionPage(RecordingBrowser browser, LaunchedMisemori misemori, String key)
			throws Exception {
		String page = misemori.origin() + "/s/demo/checkout/complete/" + key;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		HttpResponse<String> complete = browser.get(page);
		while (!complete.body().contains("data-status=\"AUTHORIZED\"")) {
			if (System.nanoTime() > deadline) {
				fail("the order was not settled within 60 s of the restart:%n%s%n%s", complete.body(), misemori.console());
			}
			assertThat(complete.body()).contains("data-status=\"REQUIRES_PAYMENT\"");
			Thread.sleep(500);
			complete = browser.get(page);
		}
	}

	/** {shop id, order id}, after checking the payment's status and version and the order's status. */
	private static long[] orderOf(Connection db, String paymentId, String paymentStatus, String orderStatus,
			int version) throws Exception {
		try (PreparedStatement query = db.prepareStatement(ORDER_OF_PAYMENT)) {
			query.setString(1, paymentId);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).as("Misemori holds payment " + paymentId).isTrue();
				assertThat(row.getInt(3)).as("payment version").isEqualTo(version);
				assertThat(row.getString(4)).as("payment status").isEqualTo(paymentStatus);
				assertThat(row.getString(5)).as("order status").isEqualTo(orderStatus);
				return new long[] { row.getLong(1), row.getLong(2) };
			}
		}
	}

	private static List<String> changesToPaid(Connection db, long[] order) throws Exception {
		return rows(db, CHANGES_TO_PAID, order, row -> row.getString(1));
	}

	private static List<String> events(Connection db, long[] order) throws Exception {
		return rows(db, EVENTS_OF_ORDER, order, row -> row.getString(1) + " applied=" + row.getBoolean(2));
	}

	private interface Column {

		String read(ResultSet row) throws Exception;

	}

	private static List<String> rows(Connection db, String sql, long[] order, Column column) throws Exception {
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setLong(1, order[0]);
			query.setLong(2, order[1]);
			List<String> found = new ArrayList<>();
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					found.add(column.read(row));
				}
			}
			return found;
		}
	}

}
