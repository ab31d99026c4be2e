package org.misemori.identity.member;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.misemori.identity.EmailChanged;
import org.misemori.identity.PasswordChanged;
import org.misemori.identity.domain.Sha256;
import org.misemori.identity.member.MemberAccounts.MemberProblem;
import org.misemori.identity.notices.SecurityChangeNotices;
import org.misemori.identity.session.OwnSessions;
import org.misemori.identity.notices.SecurityChangeNotices.Contact;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordContext;
import org.misemori.identity.password.PasswordPolicy;
import org.misemori.platform.Shop;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in member's own password and address (the current shop's, by row-level security).
 * A new address takes effect only once a link mailed to it is opened, so nobody can point an
 * account at an address they do not read; whether that address already has an account here is
 * never said on screen, only in a mail to the address itself.
 */
@Service
public class MemberCredentialChanges {

	static final Duration EMAIL_CHANGE_VALIDITY = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final MemberMail mail;

	private final SecurityChangeNotices notices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OwnSessions sessions;

	private final SecureRandom random = new SecureRandom();

	MemberCredentialChanges(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, MemberMail mail,
			SecurityChangeNotices notices, ApplicationEventPublisher events, Clock clock, OwnSessions sessions) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.mail = mail;
		this.notices = notices;
		this.events = events;
		this.clock = clock;
	}

	/** Whether {@code presented} is the member's password; oversize input is refused before hashing. */
	@Transactional(readOnly = true)
	public boolean isCurrentPassword(MemberPrincipal me, String presented) {
		if (presented == null || presented.length() > 4 * PasswordPolicy.MAX_LENGTH) {
			return false;
		}
		return passwords.matches(presented, stored(me).passwordHash());
	}

	@Transactional
	public void changePassword(Shop shop, MemberPrincipal me, String password, String confirmation, String clientAddress) {
		MemberAccounts.StoredMember member = stored(me);
		policy.check(password, new PasswordContext(AccountKind.MEMBER, null, member.email())).ifPresent(problem -> {
			throw new MemberProblem(problem.messageKey(), problem.arguments().toArray());
		});
		if (!password.equals(confirmation)) {
			throw new MemberProblem("credentials.password.mismatch");
		}
		jdbc.sql("UPDATE identity.member_account SET password_hash = :hash WHERE shop_id = :shop AND id = :id")
			.param("hash", passwords.encode(password))
			.param("shop", shop.id().value())
			.param("id", me.memberId())
			.update();
		notices.passwordChanged(holder(shop, member.email()), clientAddress);
		events.publishEvent(new PasswordChanged(me.getName(), shop.id().value()));
	}

	/**
	 * After a password was set through a reset link (the member's own request, or a campaign's):
	 * every session of the account ends, since whoever else had one should not keep it, and the
	 * holder is told, in case the reset was not theirs.
	 */
	public void passwordWasReset(Shop shop, MemberPrincipal member, String clientAddress) {
		sessions.endAllBut(member.getName(), null);
		notices.passwordChanged(holder(shop, member.email()), clientAddress);
	}

	/** Mails the new address a link, or, if it already has an account here, a notice; the caller sees no difference. */
	@Transactional
	public void requestEmailChange(Shop shop, MemberPrincipal me, String newEmail) {
		String address = MemberAccounts.normalisedEmail(newEmail);
		MemberAccounts.StoredMember member = stored(me);
		if (address.equalsIgnoreCase(member.email())) {
			throw new MemberProblem("account.email.same");
		}
		if (taken(address)) {
			mail.newAddressTaken(shop, address);
			return;
		}
		String token = newToken();
		jdbc.sql("""
				INSERT INTO identity.member_email_change (shop_id, token_hash, member_id, new_email, expires_at)
				VALUES (:shop, :hash, :member, :email, :expires)""")
			.param("shop", shop.id().value())
			.param("hash", Sha256.of(token))
			.param("member", me.memberId())
			.param("email", address)
			.param("expires", Timestamp.from(clock.instant().plus(EMAIL_CHANGE_VALIDITY)))
			.update();
		mail.confirmNewAddress(shop, address, token);
	}

	/** Puts the new address in place; empty if the link cannot be used (or the address was taken since). */
	@Transactional
	public Optional<MemberPrincipal> confirmEmailChange(Shop shop, String token, String clientAddress) {
		Optional<Pending> pending = jdbc.sql("""
				UPDATE identity.member_email_change c SET used_at = now()
				FROM identity.member_account a
				WHERE c.token_hash = :hash AND c.used_at IS NULL AND c.expires_at > :now
				  AND a.shop_id = c.shop_id AND a.id = c.member_id
				RETURNING c.member_id, c.new_email, a.email AS old_email""")
			.param("hash", Sha256.of(token == null || token.length() > 100 ? "" : token))
			.param("now", Timestamp.from(clock.instant()))
			.query(Pending.class)
			.optional();
		if (pending.isEmpty() || taken(pending.get().newEmail())) {
			return Optional.empty();
		}
		jdbc.sql("UPDATE identity.member_account SET email = :email, email_key = :key WHERE shop_id = :shop AND id = :id")
			.param("email", pending.get().newEmail())
			.param("key", pending.get().newEmail().toLowerCase(Locale.ROOT))
			.param("shop", shop.id().value())
			.param("id", pending.get().memberId())
			.update();
		notices.emailChanged(holder(shop, pending.get().oldEmail()), pending.get().newEmail(), clientAddress);
		MemberPrincipal changed = new MemberPrincipal(shop.id(), pending.get().memberId(), pending.get().newEmail());
		events.publishEvent(new EmailChanged(changed.getName(), shop.id().value()));
		return Optional.of(changed);
	}

	private boolean taken(String address) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.member_account WHERE email_key = :key)")
			.param("key", address.toLowerCase(Locale.ROOT))
			.query(Boolean.class)
			.single();
	}

	private MemberAccounts.StoredMember stored(MemberPrincipal me) {
		return jdbc.sql("""
				SELECT id, email, password_hash, status = 'ACTIVE' AS active
				FROM identity.member_account WHERE id = :id""")
			.param("id", me.memberId())
			.query(MemberAccounts.StoredMember.class)
			.single();
	}

	private static SecurityChangeNotices.Holder holder(Shop shop, String email) {
		return new SecurityChangeNotices.Holder(email, MaskedEmail.of(email), shop.id().value(), Contact.SHOP, shop.name());
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	record Pending(long memberId, String newEmail, String oldEmail) {
	}

}
