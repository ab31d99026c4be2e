package org.misemori.identity.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.misemori.platform.ShopId;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.PersonalDataReader;
import org.misemori.vault.ShopVault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member's personal fields going into and out of their sealed columns. Ids are drawn before a
 * row is written because each ciphertext is bound to its row's id.
 */
@Component
class MemberSeals {

	/** The select list {@link #profileColumns} reads. */
	static final String PROFILE_COLUMNS = "name_sealed, kana_sealed, birth_date_sealed, gender_sealed, phone_sealed, "
			+ "postal_code_sealed, prefecture_sealed, address_sealed, building_sealed, occupation_sealed";

	private final ShopVault vault;

	private final JdbcClient jdbc;

	MemberSeals(ShopVault vault, JdbcClient jdbc) {
		this.vault = vault;
		this.jdbc = jdbc;
	}

	long nextId() {
		return jdbc.sql("SELECT nextval('identity.member_account_id_seq')").query(Long.class).single();
	}

	byte[] emailIndex(ShopId shop, String email) {
		return vault.blindIndex(shop, BlindIndexKind.EMAIL, email);
	}

	byte[] phoneIndex(ShopId shop, String phone) {
		return phone == null ? null : vault.blindIndex(shop, BlindIndexKind.PHONE, phone);
	}

	byte[] seal(ShopId shop, MemberField field, long memberId, String value) {
		return seal(shop, field.of(memberId), value);
	}

	byte[] seal(ShopId shop, FieldRef field, String value) {
		return vault.encryptOptional(shop, field, value);
	}

	/** Every profile field sealed, keyed by field (absent fields map to {@code null}). */
	Map<MemberField, byte[]> seal(ShopId shop, long memberId, MemberProfile profile) {
		Map<MemberField, byte[]> sealed = new EnumMap<>(MemberField.class);
		sealed.put(MemberField.NAME, seal(shop, MemberField.NAME, memberId, profile.name()));
		sealed.put(MemberField.KANA, seal(shop, MemberField.KANA, memberId, profile.kana()));
		sealed.put(MemberField.BIRTH_DATE, seal(shop, MemberField.BIRTH_DATE, memberId,
				profile.birthDate() == null ? null : profile.birthDate().toString()));
		sealed.put(MemberField.GENDER, seal(shop, MemberField.GENDER, memberId, profile.gender()));
		sealed.put(MemberField.PHONE, seal(shop, MemberField.PHONE, memberId, profile.phone()));
		sealed.put(MemberField.POSTAL_CODE, seal(shop, MemberField.POSTAL_CODE, memberId, profile.postalCode()));
		sealed.put(MemberField.PREFECTURE, seal(shop, MemberField.PREFECTURE, memberId, profile.prefecture()));
		sealed.put(MemberField.ADDRESS, seal(shop, MemberField.ADDRESS, memberId, profile.address()));
		sealed.put(MemberField.BUILDING, seal(shop, MemberField.BUILDING, memberId, profile.building()));
		sealed.put(MemberField.OCCUPATION, seal(shop, MemberField.OCCUPATION, memberId, profile.occupation()));
		return sealed;
	}

	/** The sealed profile columns of a row that selected {@link #PROFILE_COLUMNS}. */
	static Map<MemberField, byte[]> profileColumns(ResultSet row) throws SQLException {
		Map<MemberField, byte[]> sealed = new EnumMap<>(MemberField.class);
		for (MemberField field : MemberField.values()) {
			if (field != MemberField.EMAIL) {
				sealed.put(field, row.getBytes(field.column() + "_sealed"));
			}
		}
		return sealed;
	}

	/** The profile back from its sealed columns, each field opened through (and recorded by) the reading. */
	static MemberProfile open(PersonalDataReader.Reading reading, long memberId, Map<MemberField, byte[]> sealed) {
		String birthDate = reading.field(MemberField.BIRTH_DATE.of(memberId), sealed.get(MemberField.BIRTH_DATE));
		return new MemberProfile(open(reading, memberId, sealed, MemberField.NAME),
				open(reading, memberId, sealed, MemberField.KANA), birthDate == null ? null : LocalDate.parse(birthDate),
				open(reading, memberId, sealed, MemberField.GENDER), open(reading, memberId, sealed, MemberField.PHONE),
				open(reading, memberId, sealed, MemberField.POSTAL_CODE),
				open(reading, memberId, sealed, MemberField.PREFECTURE),
				open(reading, memberId, sealed, MemberField.ADDRESS), open(reading, memberId, sealed, MemberField.BUILDING),
				open(reading, memberId, sealed, MemberField.OCCUPATION));
	}

	private static String open(PersonalDataReader.Reading reading, long memberId, Map<MemberField, byte[]> sealed,
			MemberField field) {
		return reading.field(field.of(memberId), sealed.get(field));
	}

}
