package sandboxpay.pages;

import sandboxpay.payments.Payment;
import sandboxpay.payments.PaymentMethod;
import sandboxpay.payments.PaymentSession;
import sandboxpay.payments.PaymentStatus;

/**
 * One request to a hosted page: the session, its payment as it is now, and whether the page is
 * the redirect page ({@code /pay}) or the hosted fields inside the merchant's iframe ({@code /fields}).
 */
record Visit(PaymentSession session, Payment payment, boolean frame, String lang) {

	/** The page's own path, for its forms and redirects. */
	String path() {
		return (frame ? "/fields/" : "/pay/") + session.id();
	}

	/** Back to the page, keeping the language the shopper chose. */
	String pageUrl() {
		return path() + (lang == null ? "" : "?lang=" + lang);
	}

	/** Where the shopper lands after paying: the merchant's returnUrl with {@code payment=<id>}. */
	String returnUrl() {
		String url = session.returnUrl();
		return url + (url.contains("?") ? "&" : "?") + "payment=" + payment.id();
	}

	boolean payableByCard() {
		return payment.method() == PaymentMethod.CARD && (payment.status() == PaymentStatus.REQUIRES_PAYMENT
				|| payment.status() == PaymentStatus.DECLINED);
	}

	boolean paid() {
		return payment.status() == PaymentStatus.AUTHORIZED || payment.status() == PaymentStatus.CAPTURED;
	}

}
