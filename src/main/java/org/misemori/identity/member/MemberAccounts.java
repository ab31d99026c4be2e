package org.misemori.identity.member;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.misemori.identity.domain.Sha256;
import org.misemori.identity.domain.CorrectableProblem;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordContext;
import org.misemori.identity.password.PasswordPolicy;
import org.misemori.identity.password.PasswordReplaced;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopId;
import org.misemori.vault.PersonalDataReader;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shoppers' accounts of the current shop (row-level security decides which): sign-up
 * confirmed by mail, sign-in by email and password, and password reset by mailed link. Whether
 * an address has an account is never told by a response: the mail says it, to its owner only.
 */
@Service
public class MemberAccounts {

	static final Duration VERIFY_VALIDITY = Duration.ofHours(24);

	static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final MemberMail mail;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final MemberSeals seals;

	private final PersonalDataReader reader;

	private final SecureRandom random = new SecureRandom();

	private final String unknownAccountHash;

	MemberAccounts(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, MemberMail mail, Clock clock,
			ApplicationEventPublisher events, MemberSeals seals, PersonalDataReader reader) {
		this.seals = seals;
		this.reader = reader;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.mail = mail;
		this.clock = clock;
		this.events = events;
		this.unknownAccountHash = passwords.encode("no member has this password, it only costs the same time");
	}

	/** Checks what the person typed; the rest happens in {@link #completeSignUp}. */
	public String checkSignUp(String email, String password, String confirmation) {
		String address = normalisedEmail(email);
		policy.check(password, new PasswordContext(AccountKind.MEMBER, null, address)).ifPresent(problem -> {
			throw new MemberProblem(problem.messageKey(), problem.arguments().toArray());
		});
		if (!password.equals(confirmation)) {
			throw new MemberProblem("credentials.password.mismatch");
		}
		return passwords.encode(password);
	}

	/** A provisional account and its confirmation mail, or, for a known address, a mail saying so. */
	@Transactional
	public void completeSignUp(Shop shop, String email, String passwordHash) {
		String address = normalisedEmail(email);
		if (find(shop, address).isPresent()) {
			mail.alreadyRegistered(shop, address);
			return;
		}
		long id = seals.nextId();
		jdbc.sql("""
				INSERT INTO identity.member_account (shop_id, id, email_sealed, email_index, password_hash)
				VALUES (:shop, :id, :email, :index, :hash)""")
			.param("shop", shop.id().value())
			.param("id", id)
			.param("email", seals.seal(shop.id(), MemberField.EMAIL, id, address))
			.param("index", seals.emailIndex(shop.id(), address))
			.param("hash", passwordHash)
			.update();
		mail.confirmAddress(shop, address, issueToken(shop, id, "VERIFY", VERIFY_VALIDITY));
	}

	/** Confirms the address; a message key if the link cannot be used. */
	@Transactional
	public Optional<String> confirm(Shop shop, String token) {
		return spend(shop, token, "VERIFY").map(memberId -> {
			jdbc.sql("UPDATE identity.member_account SET status = 'ACTIVE', verified_at = now() WHERE shop_id = :shop AND id = :id")
				.param("shop", shop.id().value())
				.param("id", memberId)
				.update();
			return Optional.<String>empty();
		}).orElse(Optional.of("member.link.invalid"));
	}

	/** The member, if the address and password match an account; the same work either way. */
	@Transactional // not read-only: opening the member's address writes the read record
	public Optional<MemberPrincipal> authenticate(Shop shop, String email, String password) {
		String presented = password == null || password.length() > 512 ? "" : password;
		Optional<StoredMember> member = find(shop, normalisedEmailOrEmpty(email));
		boolean matches = passwords.matches(presented, member.map(StoredMember::passwordHash).orElse(unknownAccountHash));
		return member.filter(m -> matches && m.active()).map(m -> principal(shop, m, "sign-in"));
	}

	@Transactional
	public void requestReset(Shop shop, String email) {
		find(shop, normalisedEmailOrEmpty(email)).filter(StoredMember::active)
			.ifPresent(m -> mail.resetPassword(shop, email(shop, m, "password reset mail"),
					issueToken(shop, m.id(), "RESET", RESET_VALIDITY)));
	}

	/** Sets the new password from a reset link; returns whose it was. */
	@Transactional
	public MemberPrincipal resetPassword(Shop shop, String token, String password, String confirmation) {
		StoredMember stored = memberOfToken(shop, token).orElseThrow(() -> new MemberProblem("member.link.invalid"));
		MemberPrincipal member = principal(shop, stored, "password reset");
		policy.check(password, new PasswordContext(AccountKind.MEMBER, null, member.email())).ifPresent(problem -> {
			throw new MemberProblem(problem.messageKey(), problem.arguments().toArray());
		});
		if (!password.equals(confirmation)) {
			throw new MemberProblem("credentials.password.mismatch");
		}
		spend(shop, token, "RESET").orElseThrow(() -> new MemberProblem("member.link.invalid"));
		jdbc.sql("UPDATE identity.member_account SET password_hash = :hash WHERE shop_id = :shop AND id = :id")
			.param("hash", passwords.encode(password))
			.param("shop", shop.id().value())
			.param("id", member.memberId())
			.update();
		// A reset campaign waiting for this member's new password learns of it in this transaction.
		events.publishEvent(new PasswordReplaced(AccountKind.MEMBER, shop.id().value(), member.memberId()));
		return member;
	}

	@Transactional(readOnly = true)
	public boolean resetLinkUsable(Shop shop, String token) {
		return memberOfToken(shop, token).isPresent();
	}

	private Optional<StoredMember> memberOfToken(Shop shop, String token) {
		return jdbc.sql("""
				SELECT a.id, a.email_sealed, a.password_hash, a.status = 'ACTIVE' AS active
				FROM identity.member_token t JOIN identity.member_account a ON a.shop_id = t.shop_id AND a.id = t.member_id
				WHERE t.token_hash = :hash AND t.purpose = 'RESET' AND t.used_at IS NULL AND t.expires_at > :now""")
			.param("hash", Sha256.of(token == null ? "" : token))
			.param("now", Timestamp.from(clock.instant()))
			.query(StoredMember.class)
			.optional();
	}

	private Optional<Long> spend(Shop shop, String token, String purpose) {
		return jdbc.sql("""
				UPDATE identity.member_token SET used_at = now()
				WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
				RETURNING member_id""")
			.param("hash", Sha256.of(token == null ? "" : token))
			.param("purpose", purpose)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
	}

	private String issueToken(Shop shop, long memberId, String purpose, Duration validity) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO identity.member_token (shop_id, token_hash, member_id, purpose, expires_at)
				VALUES (:shop, :hash, :member, :purpose, :expires)""")
			.param("shop", shop.id().value())
			.param("hash", Sha256.of(token))
			.param("member", memberId)
			.param("purpose", purpose)
			.param("expires", Timestamp.from(clock.instant().plus(validity)))
			.update();
		return token;
	}

	/** By blind index: the address itself is never compared, nor stored. */
	private Optional<StoredMember> find(Shop shop, String address) {
		return jdbc.sql("""
				SELECT id, email_sealed, password_hash, status = 'ACTIVE' AS active
				FROM identity.member_account WHERE email_index = :index""")
			.param("index", seals.emailIndex(shop.id(), address))
			.query(StoredMember.class)
			.optional();
	}

	/**
	 * An active member of {@code shop} as a principal, for a sign-in by other means than the
	 * password (a passkey); empty if there is no such active member. Call it as the shop's tenant.
	 */
	@Transactional
	public Optional<MemberPrincipal> activeMember(ShopId shop, long memberId, String purpose) {
		return jdbc.sql("""
				SELECT id, email_sealed, password_hash, true AS active
				FROM identity.member_account WHERE id = :id AND status = 'ACTIVE'""")
			.param("id", memberId)
			.query(StoredMember.class)
			.optional()
			.map(member -> principal(shop, member, purpose));
	}

	private MemberPrincipal principal(Shop shop, StoredMember member, String purpose) {
		return principal(shop.id(), member, purpose);
	}

	/** The member as signed in, their address opened on their own behalf (and so recorded). */
	private MemberPrincipal principal(ShopId shop, StoredMember member, String purpose) {
		MemberPrincipal unnamed = new MemberPrincipal(shop, member.id(), null);
		try (var reading = reader.openAs(unnamed.getName(), shop, "MEMBER", purpose)) {
			return new MemberPrincipal(shop, member.id(), reading.field(MemberField.EMAIL.of(member.id()), member.emailSealed()));
		}
	}

	private String email(Shop shop, StoredMember member, String purpose) {
		try (var reading = reader.open(shop.id(), "MEMBER", purpose)) {
			return reading.field(MemberField.EMAIL.of(member.id()), member.emailSealed());
		}
	}

	static String normalisedEmail(String email) {
		String address = email == null ? "" : email.strip();
		if (address.length() > 254 || !address.matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]+")) {
			throw new MemberProblem("staff.error.email");
		}
		return address;
	}

	private static String normalisedEmailOrEmpty(String email) {
		try {
			return normalisedEmail(email);
		}
		catch (MemberProblem ex) {
			return "";
		}
	}

	record StoredMember(long id, byte[] emailSealed, String passwordHash, boolean active) {
	}

	/** A refusal the shopper can put right. */
	public static class MemberProblem extends CorrectableProblem {

		MemberProblem(String messageKey, Object... arguments) {
			super(messageKey, arguments);
		}

	}

}
