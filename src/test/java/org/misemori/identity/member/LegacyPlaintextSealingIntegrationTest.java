package org.misemori.identity.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A database from before V26 kept addresses in plain text; the next start seals them. */
@MisemoriIntegrationTest
class LegacyPlaintextSealingIntegrationTest {

	private static final String PASSWORD = "a long legacy passphrase 2026";

	@Autowired
	LegacyPlaintextSealing sealing;

	@Autowired
	MemberAccounts members;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Environment environment;

	@Test
	void plainAddressesAreSealedAndTheirOwnersStillSignIn() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		long member = insertLegacy(shop, "Legacy.Member@Example.jp");

		assertThat(sealing.sealAll()).isGreaterThanOrEqualTo(1);

		try (Connection crossShop = Databases.asCrossShopRole(environment);
				PreparedStatement select = crossShop.prepareStatement(
						"SELECT legacy_email, email_sealed, email_index FROM identity.member_account WHERE shop_id = ? AND id = ?")) {
			select.setLong(1, shop.id().value());
			select.setLong(2, member);
			try (ResultSet row = select.executeQuery()) {
				row.next();
				assertThat(row.getString("legacy_email")).isNull();
				assertThat(row.getBytes("email_sealed")).isNotNull();
				assertThat(new String(row.getBytes("email_sealed"), java.nio.charset.StandardCharsets.ISO_8859_1))
					.doesNotContain("Legacy.Member");
			}
		}
		assertThat(TenantContext.callAs(shop.id(), () -> members.authenticate(shop, "legacy.member@example.jp", PASSWORD)))
			.hasValueSatisfying(signedIn -> assertThat(signedIn.email()).isEqualTo("Legacy.Member@Example.jp"));
		assertThat(sealing.sealAll()).as("nothing left the second time").isZero();
	}

	private long insertLegacy(Shop shop, String email) throws SQLException {
		try (Connection owner = Databases.asCrossShopRole(environment);
				PreparedStatement insert = owner.prepareStatement("""
						INSERT INTO identity.member_account (shop_id, legacy_email, password_hash, status, verified_at)
						VALUES (?, ?, ?, 'ACTIVE', now()) RETURNING id""")) {
			insert.setLong(1, shop.id().value());
			insert.setString(2, email);
			insert.setString(3, passwords.encode(PASSWORD));
			try (ResultSet row = insert.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

}
