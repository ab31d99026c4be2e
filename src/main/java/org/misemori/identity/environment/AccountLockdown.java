package org.misemori.identity.environment;

import java.security.SecureRandom;
import java.util.Base64;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What "this was not me" does to an account: its password stops working and every session of
 * it ends, on every node (sessions are rows in PostgreSQL, found by the principal-name index).
 * The password goes first, so that nobody can sign in again with it between the two steps.
 */
@Component
class AccountLockdown {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CrossShopAccess crossShop;

	private final PasswordEncoder passwords;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SecureRandom random = new SecureRandom();

	AccountLockdown(JdbcClient jdbc, PlatformTransactionManager transactionManager, CrossShopAccess crossShop,
			PasswordEncoder passwords, FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.crossShop = crossShop;
		this.passwords = passwords;
		this.sessions = sessions;
	}

	void invalidatePassword(AccountKey account) {
		if (account.kind() == AccountKey.Kind.STAFF) {
			// NULL is how a staff account waits for its holder's password: it cannot sign in.
			TenantContext.runAs(new ShopId(account.shopId()), () -> transactions.executeWithoutResult(status -> jdbc
				.sql("UPDATE identity.staff_account SET password_hash = NULL WHERE shop_id = :shop AND login_id = :loginId")
				.param("shop", account.shopId())
				.param("loginId", account.name())
				.update()));
			return;
		}
		// An operator's hash may not be NULL: it becomes the hash of a random secret nobody was
		// ever told, which no typed password can match.
		String unknowable = passwords.encode(Base64.getEncoder().encodeToString(randomBytes()));
		crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "password invalidated after a not-me report: " + account.name(),
				work -> work.sql("UPDATE identity.operator_account SET password_hash = :hash WHERE login_id = :loginId")
					.param("hash", unknowable)
					.param("loginId", account.name())
					.update());
	}

	/** Ends every session signed in as {@code principalName}; how many there were. */
	int endSessions(String principalName) {
		var ended = sessions.findByPrincipalName(principalName).keySet();
		ended.forEach(sessions::deleteById);
		return ended.size();
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return bytes;
	}

}
