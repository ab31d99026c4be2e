package org.misemori.storefront.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misemori.identity.AddressBook;
import org.misemori.identity.DeliveryAddress;
import org.misemori.identity.MemberAddresses;
import org.misemori.shipping.Prefecture;

/** A member's address book as the theme may show it: plain maps, prefectures named in the page's language. */
final class AddressBookView {

	private AddressBookView() {
	}

	static Map<String, Object> list(AddressBook book, String base, Locale locale) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("email", book.email());
		model.put("own", entry(book.own(), base + "/account/addresses/own", locale));
		model.put("saved", book.saved()
			.stream()
			.map(address -> entry(address, base + "/account/addresses/" + address.id(), locale))
			.toList());
		model.put("can_add", book.saved().size() < MemberAddresses.MAX_SAVED);
		model.put("max", MemberAddresses.MAX_SAVED);
		model.put("new_url", base + "/account/addresses/new");
		return model;
	}

	/** The form's values as typed (or as stored, to edit), by the form's field names. */
	static Map<String, Object> form(DeliveryAddress address) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", address.name());
		values.put("kana", address.kana());
		values.put("phone", address.phone());
		values.put("postalCode", address.postalCode());
		values.put("prefecture", address.prefecture());
		values.put("address", address.address());
		values.put("building", address.building());
		return values;
	}

	/** Every prefecture, its Japanese name as the value (as the book keeps it). */
	static List<Map<String, Object>> prefectures(Locale locale) {
		return Arrays.stream(Prefecture.values())
			.map(p -> Map.<String, Object>of("value", p.japaneseName(), "name", p.label(locale)))
			.toList();
	}

	/** One line for a label or a select: 山田 花子 〒100-0001 東京都千代田区千代田1-1 皇居前ハイツ101. */
	static String oneLine(DeliveryAddress address, Locale locale) {
		return (address.name() + " 〒" + address.postalCode() + " " + prefecture(address.prefecture(), locale)
				+ address.address() + " " + address.building()).strip();
	}

	private static Map<String, Object> entry(DeliveryAddress address, String url, Locale locale) {
		Map<String, Object> entry = new LinkedHashMap<>(form(address));
		entry.put("id", String.valueOf(address.id()));
		entry.put("prefecture_name", prefecture(address.prefecture(), locale));
		entry.put("edit_url", url);
		entry.put("delete_url", url + "/delete");
		entry.put("empty", address.address().isEmpty());
		return entry;
	}

	private static String prefecture(String japaneseName, Locale locale) {
		return Prefecture.fromJapaneseName(japaneseName).map(p -> p.label(locale)).orElse(japaneseName);
	}

}
