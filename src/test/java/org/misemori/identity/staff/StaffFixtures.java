package org.misemori.identity.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.misemori.Databases;
import org.misemori.platform.Shop;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.ShopVault;

import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Staff accounts for tests, written as a DBA would (with the cross-shop role) but sealed as the
 * application seals them (id drawn first, address sealed and blind-indexed under the shop's
 * keys), and requests signed in as them. The authorities come from the real sign-in lookup, so what a test sees
 * is what the permissions column grants.
 */
public final class StaffFixtures {

	private StaffFixtures() {
	}

	/** An active staff account with {@code passwordHash} and the given permissions. */
	public static void add(Environment environment, ShopVault vault, Shop shop, String loginId, String email,
			boolean owner, String passwordHash, StaffPermission... permissions) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO identity.staff_account
						       (shop_id, id, login_id, display_name, email_sealed, email_index, password_hash, is_owner, permissions)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			long id = nextId(connection);
			insert.setLong(1, shop.id().value());
			insert.setLong(2, id);
			insert.setString(3, loginId);
			insert.setString(4, "スタッフ " + loginId);
			insert.setBytes(5, vault.encrypt(shop.id(), FieldRef.of("identity.staff_account", "email", id), email));
			insert.setBytes(6, vault.blindIndex(shop.id(), BlindIndexKind.EMAIL, email));
			insert.setString(7, passwordHash);
			insert.setBoolean(8, owner);
			insert.setArray(9, connection.createArrayOf("text",
					java.util.Arrays.stream(permissions).map(Enum::name).toArray(String[]::new)));
			insert.executeUpdate();
		}
	}

	private static long nextId(Connection connection) throws SQLException {
		try (PreparedStatement next = connection.prepareStatement("SELECT nextval('identity.staff_account_id_seq')");
				ResultSet row = next.executeQuery()) {
			row.next();
			return row.getLong(1);
		}
	}

	/** The permission names stored for {@code loginId}. */
	public static List<String> storedPermissions(Environment environment, Shop shop, String loginId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT unnest(permissions) FROM identity.staff_account WHERE shop_id = ? AND login_id = ?")) {
			select.setLong(1, shop.id().value());
			select.setString(2, loginId);
			List<String> names = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
			return names;
		}
	}

	/** Signed in as {@code loginId} with password and TOTP, the code given at {@code totpGivenAt}. */
	public static RequestPostProcessor signedIn(StaffAccounts staff, Shop shop, String loginId, Instant totpGivenAt) {
		StaffMember member = staff.findForSignIn(shop.code().value(), loginId).orElseThrow();
		List<GrantedAuthority> authorities = new ArrayList<>(member.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).build());
		authorities.add(FactorGrantedAuthority.withAuthority("FACTOR_TOTP").issuedAt(totpGivenAt).build());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(member, null, authorities));
	}

	/** Signed in with a code given just now: step-up satisfied. */
	public static RequestPostProcessor signedIn(StaffAccounts staff, Shop shop, String loginId) {
		return signedIn(staff, shop, loginId, Instant.now());
	}

}
