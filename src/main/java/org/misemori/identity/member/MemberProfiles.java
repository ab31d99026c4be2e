package org.misemori.identity.member;

import java.util.Map;

import org.misemori.platform.ShopId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' profiles, sealed field by field. Also how a shop brings members in without the
 * sign-up mail (the demo shop's members today; the CSV import later): such a member is active
 * at once and sets a password through the reset link. Call as the shop's tenant.
 */
@Service
public class MemberProfiles {

	private final JdbcClient jdbc;

	private final MemberSeals seals;

	MemberProfiles(JdbcClient jdbc, MemberSeals seals) {
		this.jdbc = jdbc;
		this.seals = seals;
	}

	/** A 本会員 with this address and profile; the password hash is one nobody knows the password of. */
	@Transactional
	public long registerActive(ShopId shop, String email, String passwordHash, MemberProfile profile) {
		String address = MemberAccounts.normalisedEmail(email);
		long id = seals.nextId();
		jdbc.sql("""
				INSERT INTO identity.member_account (shop_id, id, email_sealed, email_index, password_hash, status, verified_at)
				VALUES (:shop, :id, :email, :index, :hash, 'ACTIVE', now())""")
			.param("shop", shop.value())
			.param("id", id)
			.param("email", seals.seal(shop, MemberField.EMAIL, id, address))
			.param("index", seals.emailIndex(shop, address))
			.param("hash", passwordHash)
			.update();
		update(shop, id, profile);
		return id;
	}

	/** Replaces every profile field (absent ones are cleared); false if there is no such member. */
	@Transactional
	public boolean update(ShopId shop, long memberId, MemberProfile profile) {
		Map<MemberField, byte[]> sealed = seals.seal(shop, memberId, profile);
		return jdbc.sql("""
				UPDATE identity.member_account
				   SET name_sealed = :name, kana_sealed = :kana, birth_date_sealed = :birthDate, gender_sealed = :gender,
				       phone_sealed = :phone, phone_index = :phoneIndex, postal_code_sealed = :postalCode,
				       prefecture_sealed = :prefecture, address_sealed = :address, building_sealed = :building,
				       occupation_sealed = :occupation
				 WHERE id = :id""")
			.param("name", sealed.get(MemberField.NAME))
			.param("kana", sealed.get(MemberField.KANA))
			.param("birthDate", sealed.get(MemberField.BIRTH_DATE))
			.param("gender", sealed.get(MemberField.GENDER))
			.param("phone", sealed.get(MemberField.PHONE))
			.param("phoneIndex", seals.phoneIndex(shop, profile.phone()))
			.param("postalCode", sealed.get(MemberField.POSTAL_CODE))
			.param("prefecture", sealed.get(MemberField.PREFECTURE))
			.param("address", sealed.get(MemberField.ADDRESS))
			.param("building", sealed.get(MemberField.BUILDING))
			.param("occupation", sealed.get(MemberField.OCCUPATION))
			.param("id", memberId)
			.update() == 1;
	}

}
