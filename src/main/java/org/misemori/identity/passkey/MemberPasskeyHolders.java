package org.misemori.identity.passkey;

import java.util.Optional;

import org.misemori.identity.member.MemberPrincipal;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The member a verified passkey belongs to, if that member is active at this very shop. The name
 * carries the shop id as well, and both are checked: a holder of another shop is never signed in.
 */
@Component
public class MemberPasskeyHolders {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	MemberPasskeyHolders(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	public Optional<MemberPrincipal> find(ShopId shop, String username) {
		if (!username.startsWith("member:" + shop.value() + ":")) {
			return Optional.empty();
		}
		long memberId = memberId(username);
		return TenantContext.callAs(shop, () -> transactions.execute(status -> jdbc.sql("""
				SELECT email FROM identity.member_account WHERE id = :id AND status = 'ACTIVE'""")
			.param("id", memberId)
			.query(String.class)
			.optional()
			.map(email -> new MemberPrincipal(shop, memberId, email))));
	}

	/** The member id at the end of a holder's name {@code member:<shop id>:<member id>}; 0 (no one) if none. */
	static long memberId(String name) {
		try {
			return Long.parseLong(name.substring(name.lastIndexOf(':') + 1));
		}
		catch (NumberFormatException notAMember) {
			return 0;
		}
	}

}
