package org.misemori.storefront.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.ordering.Checkout;
import org.misemori.ordering.CheckoutForm;
import org.misemori.ordering.CheckoutItem;
import org.misemori.ordering.OrderingException;
import org.misemori.ordering.PaymentMethod;
import org.misemori.ordering.Quote;
import org.misemori.payment.CardPage;
import org.misemori.payment.OpenedPayment;
import org.misemori.payment.PaymentAttemptsExceeded;
import org.misemori.payment.PaymentKind;
import org.misemori.payment.PaymentOpening;
import org.misemori.payment.PaymentStatus;
import org.misemori.payment.PaymentStopped;
import org.misemori.payment.PaymentUnavailable;
import org.misemori.payment.Payments;
import org.misemori.platform.ShopRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Place order" for the methods a provider handles. The payment is opened at the provider
 * first, outside any transaction: if the provider is down, no order is placed and the shopper
 * is offered the other methods. The payment's reference comes from the checkout's one-time
 * key, and the provider keeps one payment per reference, so a double click or a retry opens
 * the same payment again and the shopper can never be charged for two.
 */
@Component
class ProviderCheckout {

	private final Payments payments;

	private final Checkout checkout;

	ProviderCheckout(Payments payments, Checkout checkout) {
		this.payments = payments;
		this.checkout = checkout;
	}

	/** The provider's kind of the method the form names, if a provider handles it. */
	static Optional<PaymentKind> kindOf(CheckoutForm form) {
		for (PaymentMethod method : PaymentMethod.values()) {
			if (method.name().equals(form.payment())) {
				return method.providerKind();
			}
		}
		return Optional.empty();
	}

	boolean offered(PaymentMethod method) {
		return method.providerKind().map(payments::offers).orElse(true);
	}

	/**
	 * Opens the payment for the order the form will place.
	 * @throws OrderingException on the payment field if the provider is unavailable or declined a
	 * deferred payment at screening: nothing was placed
	 */
	OpenedPayment open(ShopRequest shop, String key, CheckoutForm form, PaymentKind kind, List<CheckoutItem> items,
			Long memberId, HttpServletRequest request) {
		Quote quote = checkout.quote(items, form, memberId);
		String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString() + "/s/" + shop.shop().code()
				+ "/checkout/payment/";
		Optional<PaymentOpening.Buyer> buyer = kind == PaymentKind.DEFERRED ? Optional.of(new PaymentOpening.Buyer(
				form.name(), form.email(), form.phone(), form.postalCode(), form.address())) : Optional.empty();
		PaymentOpening opening = new PaymentOpening(kind, quote.total(), shop.shop().code().value(), reference(key),
				URI.create(base + "return/" + key), URI.create(base + "return/" + key + "?cancelled"),
				Optional.ofNullable(memberId).map(id -> "member-" + shop.shop().id().value() + "-" + id), buyer,
				request.getRemoteAddr(), CardPage.REDIRECT);
		OpenedPayment opened;
		try {
			opened = payments.open(opening);
		}
		catch (PaymentStopped stopped) {
			throw new OrderingException("payment", "checkout.payment.stopped");
		}
		catch (PaymentAttemptsExceeded tooMany) {
			throw new OrderingException("payment", "checkout.payment.tooManyAttempts");
		}
		catch (PaymentUnavailable unavailable) {
			throw new OrderingException("payment", "checkout.payment.unavailable");
		}
		if (opened.payment().status() == PaymentStatus.DECLINED) {
			throw new OrderingException("payment", "checkout.payment.deferredDeclined");
		}
		return opened;
	}

	/** Not the key itself: the provider learns a reference, never the shopper's secret. */
	private static String reference(String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
			return "ck-" + HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
