package org.misemori.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL 18 (Misemori's embedded default: zonky's settings, so
 * synchronous_commit is off) holding the same members twice: sealed, as after V26, and plain,
 * in a twin table. Two shops, so row-level security has rows to keep out.
 */
final class MemberListDatabase implements AutoCloseable {

	static final String TABLE = "identity.member_account";

	static final int MEMBERS_PER_SHOP = 1_000;

	private static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
			+ "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

	private static final String[] SEALED = { "name", "kana", "birth_date", "gender", "email", "phone", "postal_code",
			"prefecture", "address", "building", "occupation" };

	private final EmbeddedPostgres postgres;

	private final String claimSecretHex;

	private final ShopKeys[] shops;

	private MemberListDatabase(EmbeddedPostgres postgres, String claimSecretHex, ShopKeys[] shops) {
		this.postgres = postgres;
		this.claimSecretHex = claimSecretHex;
		this.shops = shops;
	}

	/** Starts the server, creates the schema and seeds two shops, each with its own keys. */
	static MemberListDatabase start() throws IOException, SQLException {
		ShopKeys[] shops = { ShopKeys.generate(1), ShopKeys.generate(2) };
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("timezone", "UTC")
			.start();
		try (Connection owner = postgres.getPostgresDatabase().getConnection()) {
			try (Statement statement = owner.createStatement()) {
				statement.execute(schema());
			}
			owner.setAutoCommit(false);
			long id = 1;
			Random random = new Random(20261124);
			for (int shop = 1; shop <= shops.length; shop++) {
				insertShop(owner, shop);
				for (int n = 0; n < MEMBERS_PER_SHOP; n++, id++) {
					DemoPerson person = DemoPerson.of(id, random);
					insertPlain(owner, shop, id, person);
					insertSealed(owner, shop, id, person, shops[shop - 1]);
				}
			}
			owner.commit();
			owner.setAutoCommit(true);
			try (Statement statement = owner.createStatement()) {
				statement.execute("VACUUM ANALYZE");
			}
			return new MemberListDatabase(postgres, claimSecret(owner), shops);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			postgres.close();
			throw ex;
		}
	}

	ShopKeys keysOf(long shop) {
		return shops[(int) shop - 1];
	}

	/** A connection as the runtime role, as the application's pool hands one out. */
	Connection connectAsApp() throws SQLException {
		Connection connection = postgres.getDatabase("misemori_app", "postgres").getConnection();
		connection.setAutoCommit(false);
		return connection;
	}

	/** What {@code TenantClaims} signs for a shop: "{@code <id>.<HMAC-SHA256 of the id, hex>}". */
	String claimFor(long shop) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(HexFormat.of().parseHex(claimSecretHex), "HmacSHA256"));
			return shop + "." + HexFormat.of().formatHex(mac.doFinal(Long.toString(shop).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	private static String schema() throws IOException {
		try (InputStream in = MemberListDatabase.class.getResourceAsStream("/member-list-schema.sql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String claimSecret(Connection owner) throws SQLException {
		try (Statement statement = owner.createStatement();
				ResultSet row = statement.executeQuery("SELECT encode(secret, 'hex') FROM platform.tenant_guard_key")) {
			row.next();
			return row.getString(1);
		}
	}

	private static void insertShop(Connection owner, long shop) throws SQLException {
		try (PreparedStatement insert = owner.prepareStatement("INSERT INTO platform.shop (id, name) VALUES (?, ?)")) {
			insert.setLong(1, shop);
			insert.setString(2, "ベンチ商店" + shop);
			insert.executeUpdate();
		}
	}

	private static void insertPlain(Connection owner, long shop, long id, DemoPerson p) throws SQLException {
		try (PreparedStatement insert = owner.prepareStatement("""
				INSERT INTO identity.member_account_plain (shop_id, id, email, email_key, password_hash, status, name,
				       kana, birth_date, gender, phone, postal_code, prefecture, address, building, occupation)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			Object[] values = { shop, id, p.email(), p.email().toLowerCase(), PASSWORD_HASH, status(p), p.name(),
					p.kana(), Date.valueOf(p.birthDate()), p.gender(), p.phone(), p.postalCode(), p.prefecture(),
					p.address(), p.building(), p.occupation() };
			for (int i = 0; i < values.length; i++) {
				insert.setObject(i + 1, values[i]);
			}
			insert.executeUpdate();
		}
	}

	private static void insertSealed(Connection owner, long shop, long id, DemoPerson p, ShopKeys keys)
			throws SQLException {
		try (PreparedStatement insert = owner.prepareStatement("""
				INSERT INTO identity.member_account (shop_id, id, password_hash, status, email_index, phone_index,
				       name_sealed, kana_sealed, birth_date_sealed, gender_sealed, email_sealed, phone_sealed,
				       postal_code_sealed, prefecture_sealed, address_sealed, building_sealed, occupation_sealed)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			insert.setLong(1, shop);
			insert.setLong(2, id);
			insert.setString(3, PASSWORD_HASH);
			insert.setString(4, status(p));
			insert.setBytes(5, keys.emailIndex(p.email()));
			insert.setBytes(6, keys.phoneIndex(p.phone()));
			String[] plain = { p.name(), p.kana(), p.birthDate().toString(), p.gender(), p.email(), p.phone(),
					p.postalCode(), p.prefecture(), p.address(), p.building(), p.occupation() };
			for (int i = 0; i < SEALED.length; i++) {
				insert.setBytes(7 + i,
						plain[i] == null ? null : keys.encrypt(TABLE, SEALED[i], Long.toString(id), plain[i]));
			}
			insert.executeUpdate();
		}
	}

	private static String status(DemoPerson p) {
		return p.active() ? "ACTIVE" : "PROVISIONAL";
	}

}
