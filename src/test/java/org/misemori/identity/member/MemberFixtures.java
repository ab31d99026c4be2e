package org.misemori.identity.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.misemori.Databases;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.TenantContext;

import org.springframework.core.env.Environment;

/** Members as tests need them: signed up through the real service, confirmed without the mail. */
public final class MemberFixtures {

	private MemberFixtures() {
	}

	/** A 本会員 of {@code shop} with a fresh address; returns the address. */
	public static String activeMember(MemberAccounts members, Environment environment, Shop shop, String password)
			throws SQLException {
		String email = Mails.uniqueRecipient("example.jp");
		String hash = members.checkSignUp(email, password, password);
		TenantContext.runAs(shop.id(), () -> members.completeSignUp(shop, email, hash));
		// The newest provisional account of the shop is the one just made (addresses are sealed: not searchable by SQL).
		try (Connection crossShop = Databases.asCrossShopRole(environment);
				PreparedStatement activate = crossShop.prepareStatement("""
						UPDATE identity.member_account SET status = 'ACTIVE', verified_at = now()
						WHERE shop_id = ? AND id = (SELECT max(id) FROM identity.member_account WHERE shop_id = ? AND status = 'PROVISIONAL')""")) {
			activate.setLong(1, shop.id().value());
			activate.setLong(2, shop.id().value());
			if (activate.executeUpdate() != 1) {
				throw new IllegalStateException("No account for " + email);
			}
		}
		return email;
	}

	/** A 本会員 with a profile, brought in as a shop would; returns the member's id. */
	public static long memberWithProfile(MemberProfiles profiles, Shop shop, String email, String passwordHash,
			MemberProfile profile) {
		return TenantContext.callAs(shop.id(), () -> profiles.registerActive(shop.id(), email, passwordHash, profile));
	}

}
