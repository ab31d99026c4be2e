package org.misemori.identity.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordContext;
import org.misemori.identity.password.PasswordPolicy;
import org.misemori.identity.session.OwnSessions;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Operators' password reset by mailed link, and the question a campaign asks at their sign-in.
 * Operator accounts are readable by the cross-shop role only, so every step here is audited.
 */
@Service
public class OperatorResetLinks {

	private final CrossShopAccess crossShop;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final OwnSessions sessions;

	private final ResetLinkMail mail;

	private final Clock clock;

	OperatorResetLinks(CrossShopAccess crossShop, PasswordEncoder passwords, PasswordPolicy policy, OwnSessions sessions,
			ResetLinkMail mail, Clock clock) {
		this.crossShop = crossShop;
		this.passwords = passwords;
		this.policy = policy;
		this.sessions = sessions;
		this.mail = mail;
		this.clock = clock;
	}

	record Holder(long id, String loginId, String email) {
	}

	/** Mails a link if the login ID names an operator with an address; answers nothing either way. */
	public void requestReset(String loginId) {
		String id = loginId == null || loginId.length() > 64 ? "" : loginId.strip().toLowerCase(Locale.ROOT);
		call("reset link requested", work -> work
			.sql("SELECT id, login_id, email FROM identity.operator_account WHERE login_id = :loginId AND email IS NOT NULL")
			.param("loginId", id)
			.query(Holder.class)
			.optional()
			.map(holder -> {
				mail.operatorLink(holder.email(), issue(work, holder.id(), StaffResetLinks.SELF_SERVICE), work);
				return holder;
			}));
	}

	/** Whether an open campaign waits for this operator's new password. */
	public boolean pending(String loginId) {
		return call("campaign check at sign-in of " + loginId, work -> work.sql("""
				SELECT EXISTS (SELECT 1 FROM identity.operator_reset_target t
				               JOIN identity.operator_account o ON o.id = t.operator_id
				               JOIN identity.reset_campaign c ON c.id = t.campaign_id
				               WHERE o.login_id = :loginId AND t.state = 'PENDING' AND c.closed_at IS NULL)""")
			.param("loginId", loginId)
			.query(Boolean.class)
			.single());
	}

	public String forcedSignInToken(String loginId) {
		return call("forced reset link for " + loginId, work -> issue(work,
				work.sql("SELECT id FROM identity.operator_account WHERE login_id = :loginId")
					.param("loginId", loginId)
					.query(Long.class)
					.single(),
				ForcedReset.SIGN_IN_LINK));
	}

	public boolean usable(String token) {
		return call("reset link opened", work -> holderOf(work, token)).isPresent();
	}

	/** Sets the new password; a {@link CampaignProblem} says what to put right. */
	public void reset(String token, String password, String confirmation, String clientAddress) {
		Holder holder = call("password reset by link", work -> {
			Holder found = holderOf(work, token).orElseThrow(() -> new CampaignProblem("reset.link.invalid"));
			policy.check(password, new PasswordContext(AccountKind.OPERATOR, found.loginId(), found.email()))
				.ifPresent(problem -> {
					throw new CampaignProblem(problem.messageKey(), problem.arguments().toArray());
				});
			if (!password.equals(confirmation)) {
				throw new CampaignProblem("credentials.password.mismatch");
			}
			replacePassword(work, token, password, found);
			if (found.email() != null) {
				mail.passwordChanged(found.email(), found.loginId(), clientAddress, clock.instant(), work);
			}
			return found;
		});
		sessions.endAllBut(holder.loginId(), "");
	}

	private void replacePassword(JdbcClient work, String token, String password, Holder holder) {
		Timestamp now = Timestamp.from(clock.instant());
		int spent = work.sql("""
				UPDATE identity.operator_reset_token SET used_at = :now
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
			.param("hash", ResetTokens.hash(token))
			.param("now", now)
			.update();
		if (spent != 1) {
			throw new CampaignProblem("reset.link.invalid");
		}
		work.sql("UPDATE identity.operator_account SET password_hash = :hash WHERE id = :id")
			.param("hash", passwords.encode(password))
			.param("id", holder.id())
			.update();
		work.sql("UPDATE identity.operator_reset_target SET state = 'RESET', reset_at = :now WHERE operator_id = :id AND state = 'PENDING'")
			.param("now", now)
			.param("id", holder.id())
			.update();
	}

	private Optional<Holder> holderOf(JdbcClient work, String token) {
		return work.sql("""
				SELECT o.id, o.login_id, o.email FROM identity.operator_reset_token t
				JOIN identity.operator_account o ON o.id = t.operator_id
				WHERE t.token_hash = :hash AND t.used_at IS NULL AND t.expires_at > :now""")
			.param("hash", ResetTokens.hash(token))
			.param("now", Timestamp.from(clock.instant()))
			.query(Holder.class)
			.optional();
	}

	private String issue(JdbcClient work, long operatorId, Duration validity) {
		String token = ResetTokens.draw();
		work.sql("""
				INSERT INTO identity.operator_reset_token (token_hash, operator_id, expires_at)
				VALUES (:hash, :operator, :expires)""")
			.param("hash", ResetTokens.hash(token))
			.param("operator", operatorId)
			.param("expires", Timestamp.from(clock.instant().plus(validity)))
			.update();
		return token;
	}

	private <T> T call(String detail, Function<JdbcClient, T> work) {
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, detail, work);
	}

}
