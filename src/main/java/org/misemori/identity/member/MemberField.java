package org.misemori.identity.member;

import org.misemori.vault.FieldRef;

/**
 * A member's personal fields, each sealed in its own column of {@code identity.member_account}
 * ({@code <name>_sealed}) and bound to the member's id, so a value copied to another member,
 * another field or another shop does not decrypt.
 */
enum MemberField {

	EMAIL, NAME, KANA, BIRTH_DATE, GENDER, PHONE, POSTAL_CODE, PREFECTURE, ADDRESS, BUILDING, OCCUPATION;

	static final String TABLE = "identity.member_account";

	/** The name the ciphertext is bound to and the read record lists: {@code birth_date}, … */
	String column() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	FieldRef of(long memberId) {
		return FieldRef.of(TABLE, column(), memberId);
	}

}
