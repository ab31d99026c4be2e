package org.misemori.payment;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.misemori.payment.CardPage;
import org.misemori.platform.Shop;
import org.misemori.platform.TenantContext;

/** Card payments opened the way checkout opens them, in the shop's tenant context. */
final class CardOpenings {

	private CardOpenings() {
	}

	static PaymentOpening card(Shop shop, String clientAddress, Optional<String> member) {
		String code = shop.code().value();
		String key = Long.toHexString(ThreadLocalRandom.current().nextLong());
		URI back = URI.create("http://localhost:8080/s/" + code + "/checkout/payment/return/" + key);
		return new PaymentOpening(PaymentKind.CARD, 5_500, code, "ck-" + key, back, URI.create(back + "?cancelled"),
				member, Optional.empty(), clientAddress, CardPage.REDIRECT);
	}

	/**
	 * What became of opening the payment: the exception's type, or "opened". With no provider
	 * reachable an admitted attempt ends as {@link PaymentUnavailable}; with one, as opened.
	 */
	static String outcome(Payments payments, Shop shop, PaymentOpening opening) {
		try {
			TenantContext.callAs(shop.id(), () -> payments.open(opening));
			return "opened";
		}
		catch (RuntimeException refused) {
			return refused.getClass().getSimpleName();
		}
	}

	/** Whether the attempt got past Misemori's own checks (stop, limits) to the provider. */
	static boolean admitted(String outcome) {
		return !outcome.equals(PaymentAttemptsExceeded.class.getSimpleName())
				&& !outcome.equals(PaymentStopped.class.getSimpleName());
	}

}
