package org.misemori.identity.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordReplaced;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a campaign means for one shop account at sign-in: while it is pending, the old password
 * still proves who is there, but only to set a new one. Runs as the runtime role in the
 * account's shop (the caller's tenant context).
 */
@Service
public class ForcedReset {

	/** The link a sign-in hands over is as short-lived as a self-service one. */
	static final Duration SIGN_IN_LINK = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	ForcedReset(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether an open campaign waits for this account's new password. */
	@Transactional(readOnly = true)
	public boolean pending(AccountKind kind, long shopId, long accountId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM identity.reset_campaign_target t
				               JOIN identity.reset_campaign c ON c.id = t.campaign_id
				               WHERE t.shop_id = :shop AND t.account_kind = :kind AND t.account_id = :account
				                 AND t.state = 'PENDING' AND c.closed_at IS NULL)""")
			.param("shop", shopId)
			.param("kind", kind.name())
			.param("account", accountId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A fresh single-use reset token for a member who just proved their old password, for the
	 * "set a new password" page they are sent to instead of their account.
	 */
	@Transactional
	public String memberResetToken(long shopId, long memberId) {
		String token = ResetTokens.draw();
		jdbc.sql("""
				INSERT INTO identity.member_token (shop_id, token_hash, member_id, purpose, expires_at)
				VALUES (:shop, :hash, :member, 'RESET', :expires)""")
			.param("shop", shopId)
			.param("hash", ResetTokens.hash(token))
			.param("member", memberId)
			.param("expires", Timestamp.from(clock.instant().plus(SIGN_IN_LINK)))
			.update();
		return token;
	}

	/** Marks the account done in every open campaign that waited for it, with the new password. */
	@EventListener
	void on(PasswordReplaced replaced) {
		if (replaced.kind() == AccountKind.OPERATOR) {
			return;
		}
		jdbc.sql("""
				UPDATE identity.reset_campaign_target SET state = 'RESET', reset_at = :now
				WHERE shop_id = :shop AND account_kind = :kind AND account_id = :account AND state = 'PENDING'""")
			.param("now", Timestamp.from(clock.instant()))
			.param("shop", replaced.shopId())
			.param("kind", replaced.kind().name())
			.param("account", replaced.accountId())
			.update();
	}

}
