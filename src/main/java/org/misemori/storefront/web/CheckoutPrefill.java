package org.misemori.storefront.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misemori.identity.AddressBook;
import org.misemori.identity.DeliveryAddress;
import org.misemori.ordering.CheckoutForm;
import org.misemori.shipping.Prefecture;

/**
 * A signed-in member's checkout filled in from their address book: the buyer from their own
 * details, the recipient from a saved address they choose. The server resolves the choice
 * (a select named {@code addressId}), so it works without JavaScript; the order still seals
 * its own copy of the values, which later changes to the book do not touch.
 */
final class CheckoutPrefill {

	private CheckoutPrefill() {
	}

	/** The buyer's fields from the member's own details; prefecture as its JIS code, as the form sends it. */
	static CheckoutForm buyer(AddressBook book) {
		DeliveryAddress own = book.own();
		return new CheckoutForm(own.name(), own.kana(), book.email(), own.phone(), own.postalCode(), jisCode(own),
				own.address(), own.building(), true, "", "", "", "", "", "", "", "");
	}

	/** The form sent to {@code address}: its name, phone and address in place of what was typed. */
	static CheckoutForm deliverTo(CheckoutForm form, DeliveryAddress address) {
		return new CheckoutForm(form.name(), form.kana(), form.email(), form.phone(), address.postalCode(),
				jisCode(address), address.address(), address.building(), false, address.name(), address.phone(),
				form.deliveryDate(), form.deliverySlot(), form.payment(), form.couponCode(), form.points(), form.note());
	}

	/** The select's options, {@code chosen} selected. */
	static List<Map<String, Object>> choices(AddressBook book, String chosen, Locale locale) {
		return book.saved()
			.stream()
			.map(address -> Map.<String, Object>of("id", String.valueOf(address.id()), "label",
					AddressBookView.oneLine(address, locale), "selected", String.valueOf(address.id()).equals(chosen)))
			.toList();
	}

	private static String jisCode(DeliveryAddress address) {
		return Prefecture.fromJapaneseName(address.prefecture()).map(Prefecture::jisCode).orElse("");
	}

}
