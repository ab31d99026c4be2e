package org.misemori.storefront.web;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.ordering.CheckoutForm;

/** The checkout form's fields from a request; checkout itself validates them. */
final class CheckoutRequestForm {

	private CheckoutRequestForm() {
	}

	static CheckoutForm of(HttpServletRequest request) {
		return new CheckoutForm(p(request, "name"), p(request, "kana"), p(request, "email"), p(request, "phone"),
				p(request, "postalCode"), p(request, "prefecture"), p(request, "address"), p(request, "building"),
				!"false".equals(request.getParameter("recipientSame")), p(request, "recipientName"),
				p(request, "recipientPhone"), p(request, "deliveryDate"), p(request, "deliverySlot"), p(request, "payment"),
				p(request, "couponCode"), p(request, "points"), p(request, "note"));
	}

	private static String p(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return value == null ? "" : value;
	}

}
