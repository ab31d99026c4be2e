package org.misemori.identity.sealed;

/**
 * The statements key rotation runs on identity's sealed columns, as constants. A row is due
 * when any of its sealed values does not start with the new primary key's Tink prefix
 * ({@code :p}, 5 bytes); an empty column (NULL) is never due. Batches take rows in key order
 * after {@code :after} (so each batch reads on from the last along the primary key instead of
 * passing every row already done), skipping rows a shopper's request holds locked.
 */
final class SealedSql {

	private static final String MEMBER_DUE = """
			shop_id = :shop AND (substring(email_sealed from 1 for 5) <> :p
			  OR substring(name_sealed from 1 for 5) <> :p OR substring(kana_sealed from 1 for 5) <> :p
			  OR substring(birth_date_sealed from 1 for 5) <> :p OR substring(gender_sealed from 1 for 5) <> :p
			  OR substring(phone_sealed from 1 for 5) <> :p OR substring(postal_code_sealed from 1 for 5) <> :p
			  OR substring(prefecture_sealed from 1 for 5) <> :p OR substring(address_sealed from 1 for 5) <> :p
			  OR substring(building_sealed from 1 for 5) <> :p OR substring(occupation_sealed from 1 for 5) <> :p)""";

	static final String MEMBER_COUNT = "SELECT count(*) FROM identity.member_account WHERE " + MEMBER_DUE;

	static final String MEMBER_SELECT = """
			SELECT id AS row_key, id AS record_id, email_sealed, name_sealed, kana_sealed, birth_date_sealed,
			       gender_sealed, phone_sealed, postal_code_sealed, prefecture_sealed, address_sealed,
			       building_sealed, occupation_sealed
			FROM identity.member_account""" + " WHERE " + MEMBER_DUE
			+ " AND id > :after ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED";

	static final String MEMBER_UPDATE = """
			UPDATE identity.member_account
			SET email_sealed = ?, name_sealed = ?, kana_sealed = ?, birth_date_sealed = ?, gender_sealed = ?,
			    phone_sealed = ?, postal_code_sealed = ?, prefecture_sealed = ?, address_sealed = ?,
			    building_sealed = ?, occupation_sealed = ?
			WHERE shop_id = ? AND id = ?""";

	private static final String STAFF_DUE = """
			shop_id = :shop AND (substring(email_sealed from 1 for 5) <> :p
			  OR substring(phone_sealed from 1 for 5) <> :p)""";

	static final String STAFF_COUNT = "SELECT count(*) FROM identity.staff_account WHERE " + STAFF_DUE;

	static final String STAFF_SELECT = """
			SELECT id AS row_key, id AS record_id, email_sealed, phone_sealed
			FROM identity.staff_account""" + " WHERE " + STAFF_DUE
			+ " AND id > :after ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED";

	static final String STAFF_UPDATE = """
			UPDATE identity.staff_account SET email_sealed = ?, phone_sealed = ? WHERE shop_id = ? AND id = ?""";

	private static final String EMAIL_CHANGE_DUE = "shop_id = :shop AND substring(new_email_sealed from 1 for 5) <> :p";

	static final String EMAIL_CHANGE_COUNT = "SELECT count(*) FROM identity.member_email_change WHERE " + EMAIL_CHANGE_DUE;

	static final String EMAIL_CHANGE_SELECT = """
			SELECT token_hash AS row_key, member_id AS record_id, new_email_sealed
			FROM identity.member_email_change""" + " WHERE " + EMAIL_CHANGE_DUE
			+ " AND token_hash > :after ORDER BY token_hash LIMIT :n FOR UPDATE SKIP LOCKED";

	static final String EMAIL_CHANGE_UPDATE = """
			UPDATE identity.member_email_change SET new_email_sealed = ? WHERE shop_id = ? AND token_hash = ?""";

	private static final String ADDRESS_DUE = """
			shop_id = :shop AND (substring(name_sealed from 1 for 5) <> :p
			  OR substring(phone_sealed from 1 for 5) <> :p OR substring(postal_code_sealed from 1 for 5) <> :p
			  OR substring(prefecture_sealed from 1 for 5) <> :p OR substring(address_sealed from 1 for 5) <> :p
			  OR substring(building_sealed from 1 for 5) <> :p)""";

	static final String ADDRESS_COUNT = "SELECT count(*) FROM identity.member_delivery_address WHERE " + ADDRESS_DUE;

	static final String ADDRESS_SELECT = """
			SELECT id AS row_key, id AS record_id, name_sealed, phone_sealed, postal_code_sealed, prefecture_sealed,
			       address_sealed, building_sealed
			FROM identity.member_delivery_address""" + " WHERE " + ADDRESS_DUE
			+ " AND id > :after ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED";

	static final String ADDRESS_UPDATE = """
			UPDATE identity.member_delivery_address
			SET name_sealed = ?, phone_sealed = ?, postal_code_sealed = ?, prefecture_sealed = ?, address_sealed = ?,
			    building_sealed = ?
			WHERE shop_id = ? AND id = ?""";

	private SealedSql() {
	}

}
