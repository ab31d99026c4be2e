package org.misemori.payment.domain;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.misemori.payment.BankAccount;
import org.misemori.payment.BankAccountForm;
import org.misemori.payment.BankAccountInvalid;
import org.misemori.payment.BankAccountType;

/**
 * Checks a bank account as typed and normalises it. Names and the number go through NFKC, so
 * full-width digits and letters are half-width. The holder (口座名義) is kept as full-width
 * katakana: half-width kana (as bank statements print it) and hiragana are made full-width
 * katakana, letters upper case; shoppers copy it into their bank's app, which takes either.
 * Only what Japanese banks accept in a holder name is allowed (katakana, ー, A–Z, 0–9, space
 * and {@code ( ) . , - /}).
 */
final class BankAccountRules {

	static final int MAX_NAME = 30;

	static final int MAX_HOLDER = 40;

	/** Longer than this is refused before any normalising work. */
	private static final int MAX_TYPED = 200;

	private static final String HOLDER_CHARACTERS = "[\\u30A1-\\u30F4\\u30FCA-Z0-9 ().,\\-/]+";

	private BankAccountRules() {
	}

	static BankAccount check(BankAccountForm form) {
		Map<String, String> problems = new LinkedHashMap<>();
		String bank = name(form.bankName(), "bankName", problems);
		String branch = name(form.branchName(), "branchName", problems);
		Optional<BankAccountType> type = type(form.type());
		if (type.isEmpty()) {
			problems.put("type", "payment.bank.type.invalid");
		}
		String number = nfkc(form.number()).replace("-", "").replace(" ", "");
		if (number.isEmpty()) {
			problems.put("number", "payment.bank.number.required");
		}
		else if (!number.matches("[0-9]{7}")) {
			problems.put("number", "payment.bank.number.digits");
		}
		String holder = holder(form.holder(), problems);
		if (!problems.isEmpty()) {
			throw new BankAccountInvalid(problems);
		}
		return new BankAccount(bank, branch, type.orElseThrow(), number, holder);
	}

	/** ﾐｾﾓﾘ(ｶ → ミセモリ(カ; みせもり → ミセモリ; runs of spaces made one. */
	static String kana(String typed) {
		StringBuilder text = new StringBuilder(nfkc(typed).toUpperCase(java.util.Locale.ROOT));
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u3041' && c <= '\u3096') {
				text.setCharAt(i, (char) (c + 0x60));
			}
		}
		return text.toString().replaceAll(" {2,}", " ");
	}

	private static String name(String typed, String field, Map<String, String> problems) {
		String name = nfkc(typed);
		if (name.isEmpty()) {
			problems.put(field, "payment.bank." + field + ".required");
		}
		else if (typed.length() > MAX_TYPED || name.length() > MAX_NAME) {
			problems.put(field, "payment.bank." + field + ".tooLong");
		}
		else if (name.chars().anyMatch(Character::isISOControl)) {
			problems.put(field, "payment.bank." + field + ".invalid");
		}
		return name;
	}

	private static String holder(String typed, Map<String, String> problems) {
		if (typed.length() > MAX_TYPED) {
			problems.put("holder", "payment.bank.holder.tooLong");
			return "";
		}
		String holder = kana(typed);
		if (holder.isEmpty()) {
			problems.put("holder", "payment.bank.holder.required");
		}
		else if (holder.length() > MAX_HOLDER) {
			problems.put("holder", "payment.bank.holder.tooLong");
		}
		else if (!holder.matches(HOLDER_CHARACTERS)) {
			problems.put("holder", "payment.bank.holder.kana");
		}
		return holder;
	}

	private static Optional<BankAccountType> type(String typed) {
		for (BankAccountType type : BankAccountType.values()) {
			if (type.name().equals(typed)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	private static String nfkc(String typed) {
		return typed.length() > MAX_TYPED ? typed : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
	}

}
