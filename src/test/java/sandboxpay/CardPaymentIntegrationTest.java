package sandboxpay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static sandboxpay.SandboxPayFixture.session;

/**
 * The card flow as a shopper's browser walks it: the hosted form, 3-D Secure, and the redirect
 * back to the shop with the payment id. Ends by proving that no number or security code typed
 * in any test came back in a page, an API answer or a webhook.
 */
class CardPaymentIntegrationTest {

	private static final String RETURN = "http://localhost:8080/s/zakka-1234567/checkout/payment/return?order=";

	/** Four digits, so that no random id, timestamp or amount contains them by chance. */
	private static final String CODE = "7391";

	private static final List<String> NUMBERS_TYPED = new ArrayList<>();

	private static SandboxPayFixture sandbox;

	private static final Shopper shopper = new Shopper("ja");

	@BeforeAll
	static void start() throws Exception {
		sandbox = new SandboxPayFixture();
	}

	@AfterAll
	static void proveNoCardDataLeftAndStop() throws Exception {
		try {
			List<String> bodies = new ArrayList<>(shopper.seenBodies());
			bodies.addAll(sandbox.api.seenBodies());
			sandbox.receiver.deliveries().forEach(delivery -> bodies.add(delivery.body()));
			assertThat(NUMBERS_TYPED).isNotEmpty();
			Pattern code = Pattern.compile("(?<![0-9A-Za-z_])" + CODE + "(?![0-9A-Za-z_])");
			for (String body : bodies) {
				for (String number : NUMBERS_TYPED) {
					assertThat(body).doesNotContain(number).doesNotContain(number.substring(0, 12));
				}
				assertThat(code.matcher(body).find()).as("security code in %s", body).isFalse();
			}
		}
		finally {
			sandbox.close();
		}
	}

	@Test
	void anApprovedCardGoesBackToTheShopWithThePaymentId() throws Exception {
		JsonNode session = sandbox.open(session("CARD", 5500, "order-visa", ""));
		Shopper.Page done = pay(session, "4242 4242 4242 4242");
		String paymentId = session.path("paymentId").asString();
		assertThat(done.status()).isEqualTo(303);
		assertThat(done.header("Location")).isEqualTo(RETURN + "order-visa&payment=" + paymentId);

		JsonNode payment = sandbox.payment(paymentId);
		assertThat(payment.path("status").asString()).isEqualTo("CAPTURED");
		assertThat(payment.path("threeDSecure").asString()).isEqualTo("FRICTIONLESS");
		assertThat(payment.path("card").path("brand").asString()).isEqualTo("VISA");
		assertThat(payment.path("card").path("last4").asString()).isEqualTo("4242");
		assertThat(payment.path("card").path("expYear").asInt()).isEqualTo(2030);
		assertThat(payment.path("cardToken").asString()).startsWith("tok_");
		assertThat(payment.path("version").asLong()).isEqualTo(3);
		sandbox.receiver.await(d -> d.body().contains(paymentId), 2, Duration.ofSeconds(10));

		// The form posted again (back button, double click) changes nothing and shows the outcome.
		Shopper.Page again = shopper.submit(done.uri(), Shopper.card(typed("4242424242424242"), "12/30", CODE));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("お支払いが承認されました");
		assertThat(sandbox.payment(paymentId).path("version").asLong()).isEqualTo(3);
	}

	@Test
	void aJcbCardWithManualCaptureIsAuthorizedOnly() throws Exception {
		JsonNode session = sandbox.open(session("CARD", 8000, "order-jcb", ", \"capture\": \"MANUAL\""));
		assertThat(pay(session, "3530111333300000").status()).isEqualTo(303);
		JsonNode payment = sandbox.payment(session.path("paymentId").asString());
		assertThat(payment.path("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(payment.path("card").path("brand").asString()).isEqualTo("JCB");
	}

	@Test
	void theChallengeCardAsksForTheOneTimeCode() throws Exception {
		JsonNode session = sandbox.open(session("CARD", 5500, "order-3ds", ""));
		Shopper.Page challenge = pay(session, "4000000000003220");
		assertThat(challenge.status()).isEqualTo(200);
		assertThat(challenge.body()).contains("123456").contains("本人認証");
		Shopper.Page done = shopper.submit(challenge.formAction("/challenge"), java.util.Map.of("otp", "123456"));
		String paymentId = session.path("paymentId").asString();
		assertThat(done.header("Location")).isEqualTo(RETURN + "order-3ds&payment=" + paymentId);
		JsonNode payment = sandbox.payment(paymentId);
		assertThat(payment.path("status").asString()).isEqualTo("CAPTURED");
		assertThat(payment.path("threeDSecure").asString()).isEqualTo("CHALLENGE");
	}

	@Test
	void aWrongChallengeCodeDeclinesTheAuthentication() throws Exception {
		JsonNode session = sandbox.open(session("CARD", 5500, "order-3ds-wrong", ""));
		Shopper.Page challenge = pay(session, "4000000000003220");
		Shopper.Page declined = shopper.submit(challenge.formAction("/challenge"), java.util.Map.of("otp", "654321"));
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.body()).contains("本人認証（3-Dセキュア）に失敗しました");
		JsonNode payment = sandbox.payment(session.path("paymentId").asString());
		assertThat(payment.path("status").asString()).isEqualTo("DECLINED");
		assertThat(payment.path("declineCode").asString()).isEqualTo("authentication_failed");
	}

	@Test
	void aDeclinedCardShowsTheReasonAndAnotherCardMayFollow() throws Exception {
		JsonNode session = sandbox.open(session("CARD", 5500, "order-declined", ""));
		Shopper.Page declined = pay(session, "4000 0000 0000 0002");
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.body()).contains("カードが承認されませんでした")
			.contains("http://localhost:8080/s/zakka-1234567/checkout/payment/cancel?order=order-declined");
		String paymentId = session.path("paymentId").asString();
		assertThat(sandbox.payment(paymentId).path("declineCode").asString()).isEqualTo("card_declined");

		Shopper.Page done = shopper.submit(declined.formAction("/card"), Shopper.card(typed("4242424242424242"), "12/30", CODE));
		assertThat(done.header("Location")).endsWith("&payment=" + paymentId);
		assertThat(sandbox.payment(paymentId).path("status").asString()).isEqualTo("CAPTURED");
		assertThat(sandbox.payment(paymentId).path("declineCode").isNull()).isTrue();
	}

	@Test
	void insufficientFundsIsItsOwnDecline() throws Exception {
		JsonNode session = sandbox.open(session("CARD", 5500, "order-funds", ""));
		Shopper.Page declined = pay(session, "4000000000009995");
		assertThat(declined.body()).contains("ご利用可能額が不足");
		JsonNode payment = sandbox.payment(session.path("paymentId").asString());
		assertThat(payment.path("status").asString()).isEqualTo("DECLINED");
		assertThat(payment.path("declineCode").asString()).isEqualTo("insufficient_funds");
	}

	@Test
	void badCardInputIsRefusedWithAMessageAndChangesNothing() throws Exception {
		JsonNode session = sandbox.open(session("CARD", 5500, "order-luhn", ""));
		Shopper.Page form = shopper.open(session.path("url").asString());
		var action = form.formAction("/card");
		Shopper.Page luhn = shopper.submit(action, Shopper.card(typed("4242424242424241"), "12/30", CODE));
		assertThat(luhn.status()).isEqualTo(400);
		assertThat(luhn.body()).contains("カード番号が正しくありません");
		assertThat(shopper.submit(action, Shopper.card(typed("4242424242424242"), "01/20", CODE)).body())
			.contains("有効期限が切れています");
		assertThat(shopper.submit(action, Shopper.card("4242424242424242", "12/30", "12")).body())
			.contains("セキュリティコードは3桁または4桁");
		Shopper english = new Shopper("en-US,en;q=0.9");
		assertThat(english.submit(action, Shopper.card(typed("4242424242424241"), "12/30", CODE)).body())
			.contains("This card number is not valid");
		assertThat(english.open(session.path("url").asString() + "?lang=ja").body()).contains("クレジットカードで支払う");
		JsonNode payment = sandbox.payment(session.path("paymentId").asString());
		assertThat(payment.path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
		assertThat(payment.path("version").asLong()).isEqualTo(1);
	}

	@Test
	void hostedPagesCarryAStrictPolicyAndTheFieldsOnlyFrameInTheShop() throws Exception {
		JsonNode redirect = sandbox.open(session("CARD", 5500, "order-csp", ""));
		String policy = shopper.open(redirect.path("url").asString()).header("Content-Security-Policy");
		assertThat(policy).contains("default-src 'none'").contains("frame-ancestors 'none'")
			.contains("form-action 'self' http://localhost:8080").doesNotContain("script-src");
		assertThat(shopper.open(sandbox.server.baseUrl() + "/fields/" + redirect.path("id").asString()).status())
			.isEqualTo(404);
		Shopper.Page unknown = shopper.open(sandbox.server.baseUrl() + "/pay/ses_unknown");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("ページが見つかりません");
		assertThat(unknown.header("Content-Security-Policy")).contains("default-src 'none'");

		JsonNode iframe = sandbox.open(session("CARD", 5500, "order-iframe",
				", \"mode\": \"IFRAME\", \"embedOrigin\": \"http://localhost:8080\""));
		Shopper.Page fields = shopper.open(iframe.path("fieldsUrl").asString());
		assertThat(fields.header("Content-Security-Policy")).contains("frame-ancestors http://localhost:8080");
		Shopper.Page approved = shopper.submit(fields.formAction("/card"), Shopper.card(typed("4242424242424242"), "12/30", CODE));
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.body()).contains("target=\"_top\"");
		Shopper.Page top = shopper.submit(approved.formAction("/finish"), java.util.Map.of());
		assertThat(top.header("Location")).isEqualTo(RETURN + "order-iframe&payment=" + iframe.path("paymentId").asString());
	}

	@Test
	void aMembersSavedCardIsOfferedNextTime() throws Exception {
		String member = ", \"customer\": { \"reference\": \"member-17\", \"saveCard\": true }";
		JsonNode first = sandbox.open(session("CARD", 1200, "order-save-1", member));
		pay(first, "4242424242424242");
		String token = sandbox.payment(first.path("paymentId").asString()).path("cardToken").asString();

		JsonNode second = sandbox.open(session("CARD", 1300, "order-save-2", member));
		Shopper.Page form = shopper.open(second.path("url").asString());
		assertThat(form.body()).contains("VISA •••• 4242").contains(token);
		Shopper.Page done = shopper.submit(form.formAction("/card"), java.util.Map.of("saved", token));
		assertThat(done.header("Location")).endsWith("&payment=" + second.path("paymentId").asString());
		assertThat(sandbox.payment(second.path("paymentId").asString()).path("cardToken").asString()).isEqualTo(token);
		assertThat(shopper.open(sandbox.open(session("CARD", 1, "order-save-3", "")).path("url").asString()).body())
			.doesNotContain(token);
	}

	private static Shopper.Page pay(JsonNode session, String number) throws Exception {
		Shopper.Page form = shopper.open(session.path("url").asString());
		assertThat(form.status()).isEqualTo(200);
		return shopper.submit(form.formAction("/card"), Shopper.card(typed(number), "12/30", CODE));
	}

	private static String typed(String number) {
		NUMBERS_TYPED.add(number.replace(" ", ""));
		return number;
	}

}
