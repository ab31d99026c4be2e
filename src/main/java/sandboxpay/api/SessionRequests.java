package sandboxpay.api;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import sandboxpay.payments.Account;
import sandboxpay.payments.CaptureMode;
import sandboxpay.payments.NewPayment;
import sandboxpay.payments.PaymentMethod;

/** Turns the body of {@code POST /v1/sessions} into a {@link NewPayment}, or a 400 naming the field. */
@Component
class SessionRequests {

	/** Above what any shop sells in one order; guards the arithmetic of captures and refunds. */
	static final long MAX_AMOUNT = 99_999_999;

	private enum Mode {

		REDIRECT, IFRAME

	}

	private final JsonMapper json;

	private final Account account;

	SessionRequests(JsonMapper json, Account account) {
		this.json = json;
		this.account = account;
	}

	NewPayment read(String body) {
		JsonBody request = JsonBody.parse(json, body);
		Long amount = request.amount("amount", 1, MAX_AMOUNT);
		if (amount == null) {
			throw new BadRequest("amount", "amount is required");
		}
		String currency = request.text("currency", 8);
		if (currency != null && !currency.equals("JPY")) {
			throw new BadRequest("currency", "currency must be JPY");
		}
		PaymentMethod method = request.choice("method", PaymentMethod.class, null);
		Mode mode = request.choice("mode", Mode.class, Mode.REDIRECT);
		if (mode == Mode.IFRAME && method != PaymentMethod.CARD) {
			throw new BadRequest("mode", "mode IFRAME is for CARD only");
		}
		CaptureMode capture = request.choice("capture", CaptureMode.class, CaptureMode.AUTOMATIC);
		String shop = request.requiredText("shop", 100);
		String reference = request.requiredText("merchantReference", 200);
		boolean hostedPage = method != PaymentMethod.DEFERRED;
		String returnUrl = allowedUrl(request, "returnUrl", hostedPage);
		String cancelUrl = allowedUrl(request, "cancelUrl", hostedPage);
		String embedOrigin = embedOrigin(request, mode == Mode.IFRAME);
		JsonBody customer = request.object("customer");
		String customerReference = customer.text("reference", 200);
		boolean saveCard = customer.flag("saveCard");
		if (saveCard && customerReference == null) {
			throw new BadRequest("customer.reference", "customer.reference is required to save a card");
		}
		String buyerName = method == PaymentMethod.DEFERRED ? buyerName(request.object("buyer")) : null;
		return new NewPayment(method, mode == Mode.IFRAME, capture, amount, "JPY", shop, reference, returnUrl,
				cancelUrl, embedOrigin, customerReference, saveCard, buyerName);
	}

	/** Only URLs on an allowed origin: the hosted pages send the shopper there, so anything else is an open redirect. */
	private String allowedUrl(JsonBody request, String field, boolean required) {
		String url = request.text(field, 2000);
		if (url == null) {
			if (required) {
				throw new BadRequest(field, field + " is required");
			}
			return null;
		}
		if (!account.allowsUrl(url)) {
			throw new BadRequest(field, field + " must be an http(s) URL on an allowed return origin");
		}
		return url;
	}

	private String embedOrigin(JsonBody request, boolean required) {
		String origin = request.text("embedOrigin", 200);
		if (origin == null) {
			if (required) {
				throw new BadRequest("embedOrigin", "embedOrigin is required for mode IFRAME");
			}
			return null;
		}
		if (!origin.equals(Account.originOf(origin)) || !account.allowsUrl(origin)) {
			throw new BadRequest("embedOrigin", "embedOrigin must be an allowed origin, scheme://host[:port] only");
		}
		return origin;
	}

	private static String buyerName(JsonBody buyer) {
		if (!buyer.present()) {
			throw new BadRequest("buyer", "buyer is required for DEFERRED");
		}
		buyer.text("email", 254);
		buyer.text("phone", 32);
		buyer.text("postalCode", 16);
		buyer.text("address", 500);
		return buyer.requiredText("name", 100);
	}

}
