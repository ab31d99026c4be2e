package org.misemori.ordering.domain;

import org.misemori.shipping.Prefecture;

/**
 * The buyer and where the parcel goes, validated and normalised (full-width digits and
 * letters made half-width, hiragana kana made katakana). Plain values only for as long as the
 * request lasts: the order stores them sealed.
 */
record ShopperDetails(String name, String kana, String email, String phone, String postalCode, Prefecture prefecture,
		String address, String building, String recipientName, String recipientPhone, String note) {
}
