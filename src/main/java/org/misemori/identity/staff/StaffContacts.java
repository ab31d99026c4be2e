package org.misemori.identity.staff;

import java.text.Normalizer;

import org.misemori.platform.ShopId;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.PersonalDataReader;
import org.misemori.vault.ShopVault;

import org.springframework.stereotype.Component;

/**
 * A staff member's address and phone number as they are stored: sealed under the shop's keys,
 * bound to the account's id (so the id is drawn before the row is written), the address also
 * as a blind index. Reading one back goes through {@link PersonalDataReader}, which records it.
 */
@Component
class StaffContacts {

	static final String TABLE = "identity.staff_account";

	/** Subject kind of the read record. */
	static final String STAFF = "STAFF";

	private final ShopVault vault;

	private final PersonalDataReader reader;

	StaffContacts(ShopVault vault, PersonalDataReader reader) {
		this.vault = vault;
		this.reader = reader;
	}

	record Sealed(byte[] email, byte[] emailIndex, byte[] phone) {
	}

	Sealed seal(ShopId shop, long staffId, String email, String phone) {
		return new Sealed(vault.encrypt(shop, emailField(staffId), email), emailIndex(shop, email),
				vault.encryptOptional(shop, FieldRef.of(TABLE, "phone", staffId), phone));
	}

	byte[] emailIndex(ShopId shop, String email) {
		return vault.blindIndex(shop, BlindIndexKind.EMAIL, email);
	}

	/** The plain address, read (and recorded) by whoever is signed in, for {@code purpose}. */
	String emailOf(ShopId shop, long staffId, byte[] sealed, String purpose) {
		try (var reading = reader.open(shop, STAFF, purpose)) {
			return reading.field(emailField(staffId), sealed);
		}
	}

	/** The plain address, read on behalf of {@code principal} (someone not signed in yet). */
	String emailOf(String principal, ShopId shop, long staffId, byte[] sealed, String purpose) {
		try (var reading = reader.openAs(principal, shop, STAFF, purpose)) {
			return reading.field(emailField(staffId), sealed);
		}
	}

	static FieldRef emailField(long staffId) {
		return FieldRef.of(TABLE, "email", staffId);
	}

	/**
	 * A Japanese phone number as typed (full-width digits allowed, +81 accepted), or
	 * {@code null} when left empty; anything else is refused with {@code staff.error.phone}.
	 */
	static String phoneOrNull(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		if (typed.length() > 40) {
			throw new StaffProblem("staff.error.phone");
		}
		String phone = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
		String digits = BlindIndexKind.PHONE.normalise(phone);
		if (!phone.matches("(\\+81[- ]?|0)[0-9()\\- ]{8,16}") || !digits.matches("0[1-9][0-9]{8,9}")) {
			throw new StaffProblem("staff.error.phone");
		}
		return phone;
	}

}
