package org.misemori.identity.member;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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
import org.misemori.vault.FieldRef;
import org.misemori.vault.PersonalDataReader;

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

	private final MemberSeals seals;

	private final PersonalDataReader reader;

	private final SecureRandom random = new SecureRandom();

	MemberCredentialChanges(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, MemberMail mail,
			SecurityChangeNotices notices, ApplicationEventPublisher events, Clock clock, OwnSessions sessions,
			MemberSeals seals, PersonalDataReader reader) {
		this.seals = seals;
		this.reader = reader;
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
		String email = email(shop, stored(me), "password change");
		policy.check(password, new PasswordContext(AccountKind.MEMBER, null, email)).ifPresent(problem -> {
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
		notices.passwordChanged(holder(shop, email), clientAddress);
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
		if (address.equalsIgnoreCase(email(shop, stored(me), "email change"))) {
			throw new MemberProblem("account.email.same");
		}
		if (taken(shop, address)) {
			mail.newAddressTaken(shop, address);
			return;
		}
		String token = newToken();
		jdbc.sql("""
				INSERT INTO identity.member_email_change (shop_id, token_hash, member_id, new_email_sealed, expires_at)
				VALUES (:shop, :hash, :member, :email, :expires)""")
			.param("shop", shop.id().value())
			.param("hash", Sha256.of(token))
			.param("member", me.memberId())
			.param("email", seals.seal(shop.id(), pendingEmail(me.memberId()), address))
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
				RETURNING c.member_id, c.new_email_sealed, a.email_sealed AS old_email_sealed""")
			.param("hash", Sha256.of(token == null || token.length() > 100 ? "" : token))
			.param("now", Timestamp.from(clock.instant()))
			.query(Pending.class)
			.optional();
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		long memberId = pending.get().memberId();
		String oldEmail;
		String newEmail;
		try (var reading = reader.openAs(new MemberPrincipal(shop.id(), memberId, null).getName(), shop.id(), "MEMBER",
				"email change confirmation")) {
			oldEmail = reading.field(MemberField.EMAIL.of(memberId), pending.get().oldEmailSealed());
			newEmail = reading.field(pendingEmail(memberId), pending.get().newEmailSealed());
		}
		if (taken(shop, newEmail)) {
			return Optional.empty();
		}
		jdbc.sql("UPDATE identity.member_account SET email_sealed = :email, email_index = :index WHERE shop_id = :shop AND id = :id")
			.param("email", seals.seal(shop.id(), MemberField.EMAIL, memberId, newEmail))
			.param("index", seals.emailIndex(shop.id(), newEmail))
			.param("shop", shop.id().value())
			.param("id", memberId)
			.update();
		notices.emailChanged(holder(shop, oldEmail), newEmail, clientAddress);
		MemberPrincipal changed = new MemberPrincipal(shop.id(), memberId, newEmail);
		events.publishEvent(new EmailChanged(changed.getName(), shop.id().value()));
		return Optional.of(changed);
	}

	private boolean taken(Shop shop, String address) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.member_account WHERE email_index = :index)")
			.param("index", seals.emailIndex(shop.id(), address))
			.query(Boolean.class)
			.single();
	}

	private MemberAccounts.StoredMember stored(MemberPrincipal me) {
		return jdbc.sql("""
				SELECT id, email_sealed, password_hash, status = 'ACTIVE' AS active
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

	private String email(Shop shop, MemberAccounts.StoredMember member, String purpose) {
		try (var reading = reader.open(shop.id(), "MEMBER", purpose)) {
			return reading.field(MemberField.EMAIL.of(member.id()), member.emailSealed());
		}
	}

	/** A pending address is bound to its member: moved to another member's request, it does not decrypt. */
	private static FieldRef pendingEmail(long memberId) {
		return FieldRef.of("identity.member_email_change", "new_email", memberId);
	}

	record Pending(long memberId, byte[] newEmailSealed, byte[] oldEmailSealed) {
	}

}
