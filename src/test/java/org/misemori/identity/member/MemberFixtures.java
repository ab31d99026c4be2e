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
		try (Connection crossShop = Databases.asCrossShopRole(environment);
				PreparedStatement activate = crossShop
					.prepareStatement("UPDATE identity.member_account SET status = 'ACTIVE' WHERE email = ?")) {
			activate.setString(1, email);
			if (activate.executeUpdate() != 1) {
				throw new IllegalStateException("No account for " + email);
			}
		}
		return email;
	}

}
