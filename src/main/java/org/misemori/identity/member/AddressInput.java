package org.misemori.identity.member;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.misemori.identity.AddressRejected;
import org.misemori.identity.DeliveryAddress;

/**
 * An address as typed, read at the edge with the rules of {@link MemberProfile} and of checkout
 * (so a saved address always passes checkout): full-width digits and letters made half-width,
 * hiragana kana made katakana, phone 10–11 digits from 0, postal code 7 digits, one of the 47
 * prefectures. Every problem is named with its field, all of them at once.
 */
final class AddressInput {

	private static final Pattern KATAKANA = Pattern.compile("[\\p{InKatakana}ー・ ]+");

	private static final Pattern PHONE = Pattern.compile("0\\d{9,10}");

	private static final Pattern POSTAL_CODE = Pattern.compile("\\d{7}");

	/** As checkout takes them: a saved address longer than checkout allows could not be used. */
	static final int MAX_NAME = 50;

	static final int MAX_ADDRESS = 100;

	private final List<AddressRejected.Problem> problems = new ArrayList<>();

	private AddressInput() {
	}

	/** The address normalised, with {@code id}; {@code own} asks for the kana too (the profile's, for checkout). */
	static DeliveryAddress read(DeliveryAddress typed, long id, boolean own) {
		AddressInput input = new AddressInput();
		String name = input.required("name", typed.name(), MAX_NAME);
		String kana = own ? input.kana(typed.kana()) : "";
		String phone = input.matching("phone", digitsOf(typed.phone()), PHONE);
		String postalCode = input.matching("postalCode", digitsOf(typed.postalCode()), POSTAL_CODE);
		String prefecture = text(typed.prefecture());
		if (!MemberProfile.PREFECTURES.contains(prefecture)) {
			input.problem("prefecture", prefecture.isEmpty() ? "member.address.prefecture.required"
					: "member.address.prefecture.invalid");
		}
		String address = input.required("address", typed.address(), MAX_ADDRESS);
		String building = input.optional("building", typed.building(), MAX_ADDRESS);
		if (!input.problems.isEmpty()) {
			throw new AddressRejected(input.problems);
		}
		return new DeliveryAddress(id, name, kana, phone, postalCode.substring(0, 3) + "-" + postalCode.substring(3),
				prefecture, address, building);
	}

	/** NFKC (full-width digits and letters to half-width, half-width kana to full-width), trimmed. */
	static String text(String value) {
		return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
	}

	/** A phone number or postal code as people write it: 〒, hyphens, spaces and brackets dropped. */
	private static String digitsOf(String value) {
		if (value != null && value.length() > 40) {
			return "-";
		}
		return text(value).replaceAll("[〒\\s()\\-‐－ー−]", "");
	}

	private String required(String field, String value, int max) {
		String text = optional(field, value, max);
		if (text.isEmpty() && problems.stream().noneMatch(p -> field.equals(p.field()))) {
			problem(field, "member.address." + field + ".required");
		}
		return text;
	}

	private String optional(String field, String value, int max) {
		// Refused before any work on it: a field many times too long is not normalised first.
		String text = value != null && value.length() > max * 4 ? value : text(value);
		if (text.codePointCount(0, text.length()) > max) {
			problem(field, "member.address.tooLong", max);
			return "";
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			problem(field, "member.address.control");
			return "";
		}
		return text;
	}

	/** Hiragana is accepted and written in katakana, as shops keep フリガナ. */
	private String kana(String value) {
		String typed = required("kana", value, MAX_NAME);
		StringBuilder kana = new StringBuilder(typed.length());
		typed.chars().forEach(c -> kana.append((char) (c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c)));
		if (!typed.isEmpty() && !KATAKANA.matcher(kana).matches()) {
			problem("kana", "member.address.kana.katakana");
		}
		return kana.toString();
	}

	private String matching(String field, String value, Pattern pattern) {
		if (value.isEmpty()) {
			problem(field, "member.address." + field + ".required");
		}
		else if (!pattern.matcher(value).matches()) {
			problem(field, "member.address." + field + ".invalid");
		}
		return value;
	}

	private void problem(String field, String key, Object... arguments) {
		problems.add(new AddressRejected.Problem(field, key, arguments));
	}

}
