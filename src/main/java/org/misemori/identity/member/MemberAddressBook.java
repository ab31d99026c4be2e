package org.misemori.identity.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.misemori.identity.AddressBook;
import org.misemori.identity.AddressRejected;
import org.misemori.identity.DeliveryAddress;
import org.misemori.identity.MemberAddresses;
import org.misemori.platform.ShopId;
import org.misemori.vault.FieldRef;
import org.misemori.vault.PersonalDataReader;
import org.misemori.vault.ShopVault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The address book in {@code identity.member_delivery_address}, each value sealed and bound to
 * its row, and the member's own address in their profile. Every statement names the member as
 * well as the row, so an id of another member's address finds nothing.
 */
@Service
class MemberAddressBook implements MemberAddresses {

	static final String TABLE = "identity.member_delivery_address";

	/** Read records list saved addresses by their own ids, apart from members' ids. */
	static final String SUBJECT = "MEMBER_ADDRESS";

	private static final String OWN = """
			SELECT email_sealed, name_sealed, kana_sealed, phone_sealed, postal_code_sealed, prefecture_sealed,
			       address_sealed, building_sealed
			FROM identity.member_account WHERE shop_id = :shop AND id = :member""";

	private static final String SAVED = """
			SELECT id, name_sealed, phone_sealed, postal_code_sealed, prefecture_sealed, address_sealed, building_sealed
			FROM identity.member_delivery_address WHERE shop_id = :shop AND member_id = :member ORDER BY id""";

	private final JdbcClient jdbc;

	private final MemberSeals seals;

	private final ShopVault vault;

	private final PersonalDataReader reader;

	MemberAddressBook(JdbcClient jdbc, MemberSeals seals, ShopVault vault, PersonalDataReader reader) {
		this.jdbc = jdbc;
		this.seals = seals;
		this.vault = vault;
		this.reader = reader;
	}

	@Override
	@Transactional
	public AddressBook of(ShopId shop, long memberId, String purpose) {
		Own own;
		try (var reading = reader.open(shop, "MEMBER", purpose)) {
			own = jdbc.sql(OWN).param("shop", shop.value()).param("member", memberId)
				.query((row, n) -> own(reading, memberId, row))
				.optional()
				.orElse(new Own("", new DeliveryAddress(DeliveryAddress.OWN, "", "", "", "", "", "", "")));
		}
		List<DeliveryAddress> saved;
		try (var reading = reader.open(shop, SUBJECT, purpose)) {
			saved = jdbc.sql(SAVED).param("shop", shop.value()).param("member", memberId)
				.query((row, n) -> saved(reading, row))
				.list();
		}
		return new AddressBook(own.email(), own.address(), saved);
	}

	@Override
	@Transactional
	public long add(ShopId shop, long memberId, DeliveryAddress typed) {
		DeliveryAddress valid = AddressInput.read(typed, DeliveryAddress.OWN, false);
		// The member's row held while counting, so two tabs saving at once cannot pass the limit together.
		boolean member = jdbc.sql("SELECT id FROM identity.member_account WHERE shop_id = :shop AND id = :member FOR UPDATE")
			.param("shop", shop.value()).param("member", memberId).query(Long.class).optional().isPresent();
		long count = jdbc.sql("SELECT count(*) FROM identity.member_delivery_address WHERE shop_id = :shop AND member_id = :member")
			.param("shop", shop.value()).param("member", memberId).query(Long.class).single();
		if (!member || count >= MAX_SAVED) {
			throw new AddressRejected(List.of(new AddressRejected.Problem(null, "member.address.full", MAX_SAVED)));
		}
		long id = jdbc.sql("SELECT nextval('identity.member_delivery_address_id_seq')").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO identity.member_delivery_address (shop_id, id, member_id, name_sealed, phone_sealed,
				    postal_code_sealed, prefecture_sealed, address_sealed, building_sealed)
				VALUES (:shop, :id, :member, :name, :phone, :postalCode, :prefecture, :address, :building)""")
			.param("shop", shop.value()).param("id", id).param("member", memberId)
			.param("name", seal(shop, id, "name", valid.name())).param("phone", seal(shop, id, "phone", valid.phone()))
			.param("postalCode", seal(shop, id, "postal_code", valid.postalCode()))
			.param("prefecture", seal(shop, id, "prefecture", valid.prefecture()))
			.param("address", seal(shop, id, "address", valid.address()))
			.param("building", seal(shop, id, "building", valid.building()))
			.update();
		return id;
	}

	@Override
	@Transactional
	public boolean change(ShopId shop, long memberId, long addressId, DeliveryAddress typed) {
		if (!exists(shop, memberId, addressId)) {
			return false;
		}
		DeliveryAddress valid = AddressInput.read(typed, addressId, false);
		return jdbc.sql("""
				UPDATE identity.member_delivery_address
				   SET name_sealed = :name, phone_sealed = :phone, postal_code_sealed = :postalCode,
				       prefecture_sealed = :prefecture, address_sealed = :address, building_sealed = :building,
				       updated_at = now()
				 WHERE shop_id = :shop AND member_id = :member AND id = :id""")
			.param("name", seal(shop, addressId, "name", valid.name()))
			.param("phone", seal(shop, addressId, "phone", valid.phone()))
			.param("postalCode", seal(shop, addressId, "postal_code", valid.postalCode()))
			.param("prefecture", seal(shop, addressId, "prefecture", valid.prefecture()))
			.param("address", seal(shop, addressId, "address", valid.address()))
			.param("building", seal(shop, addressId, "building", valid.building()))
			.param("shop", shop.value()).param("member", memberId).param("id", addressId)
			.update() == 1;
	}

	@Override
	@Transactional
	public boolean remove(ShopId shop, long memberId, long addressId) {
		return jdbc.sql("DELETE FROM identity.member_delivery_address WHERE shop_id = :shop AND member_id = :member AND id = :id")
			.param("shop", shop.value()).param("member", memberId).param("id", addressId)
			.update() == 1;
	}

	@Override
	@Transactional
	public void changeOwn(ShopId shop, long memberId, DeliveryAddress typed) {
		DeliveryAddress valid = AddressInput.read(typed, DeliveryAddress.OWN, true);
		jdbc.sql("""
				UPDATE identity.member_account
				   SET name_sealed = :name, kana_sealed = :kana, phone_sealed = :phone, phone_index = :phoneIndex,
				       postal_code_sealed = :postalCode, prefecture_sealed = :prefecture, address_sealed = :address,
				       building_sealed = :building
				 WHERE shop_id = :shop AND id = :member""")
			.param("name", seals.seal(shop, MemberField.NAME, memberId, valid.name()))
			.param("kana", seals.seal(shop, MemberField.KANA, memberId, valid.kana()))
			.param("phone", seals.seal(shop, MemberField.PHONE, memberId, valid.phone()))
			.param("phoneIndex", seals.phoneIndex(shop, valid.phone()))
			.param("postalCode", seals.seal(shop, MemberField.POSTAL_CODE, memberId, valid.postalCode()))
			.param("prefecture", seals.seal(shop, MemberField.PREFECTURE, memberId, valid.prefecture()))
			.param("address", seals.seal(shop, MemberField.ADDRESS, memberId, valid.address()))
			.param("building", seals.seal(shop, MemberField.BUILDING, memberId, valid.building()))
			.param("shop", shop.value()).param("member", memberId)
			.update();
	}

	private boolean exists(ShopId shop, long memberId, long addressId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM identity.member_delivery_address
				               WHERE shop_id = :shop AND member_id = :member AND id = :id)""")
			.param("shop", shop.value()).param("member", memberId).param("id", addressId)
			.query(Boolean.class).single();
	}

	private byte[] seal(ShopId shop, long addressId, String column, String value) {
		return vault.encryptOptional(shop, FieldRef.of(TABLE, column, addressId), value);
	}

	private static Own own(PersonalDataReader.Reading reading, long memberId, ResultSet row) throws SQLException {
		return new Own(open(reading, MemberField.EMAIL.of(memberId), row, "email"),
				new DeliveryAddress(DeliveryAddress.OWN, open(reading, MemberField.NAME.of(memberId), row, "name"),
						open(reading, MemberField.KANA.of(memberId), row, "kana"),
						open(reading, MemberField.PHONE.of(memberId), row, "phone"),
						open(reading, MemberField.POSTAL_CODE.of(memberId), row, "postal_code"),
						open(reading, MemberField.PREFECTURE.of(memberId), row, "prefecture"),
						open(reading, MemberField.ADDRESS.of(memberId), row, "address"),
						open(reading, MemberField.BUILDING.of(memberId), row, "building")));
	}

	private static DeliveryAddress saved(PersonalDataReader.Reading reading, ResultSet row) throws SQLException {
		long id = row.getLong("id");
		return new DeliveryAddress(id, open(reading, FieldRef.of(TABLE, "name", id), row, "name"), "",
				open(reading, FieldRef.of(TABLE, "phone", id), row, "phone"),
				open(reading, FieldRef.of(TABLE, "postal_code", id), row, "postal_code"),
				open(reading, FieldRef.of(TABLE, "prefecture", id), row, "prefecture"),
				open(reading, FieldRef.of(TABLE, "address", id), row, "address"),
				open(reading, FieldRef.of(TABLE, "building", id), row, "building"));
	}

	/** A field opened on the record; a field never filled in is empty. */
	private static String open(PersonalDataReader.Reading reading, FieldRef field, ResultSet row, String column)
			throws SQLException {
		return Objects.requireNonNullElse(reading.field(field, row.getBytes(column + "_sealed")), "");
	}

	private record Own(String email, DeliveryAddress address) {
	}

}
