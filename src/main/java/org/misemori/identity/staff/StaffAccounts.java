package org.misemori.identity.staff;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.misemori.identity.domain.Sha256;
import org.misemori.identity.StaffInvited;
import org.misemori.identity.StaffPermissionsChanged;
import org.misemori.identity.domain.PublicUrl;
import org.misemori.identity.domain.CredentialRules;
import org.misemori.identity.lockout.AccountHolders;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordContext;
import org.misemori.identity.password.PasswordPolicy;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.OutboundMail;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A shop's staff accounts: invitation by mail (a single-use link, valid 72 hours, only its
 * hash stored), the invited person's own choice of password, and the lookup for sign-in. All
 * of it runs in the shop's own tenant context: the database shows no other shop's staff.
 */
@Service
public class StaffAccounts implements AccountHolders {

	static final Duration INVITATION_VALIDITY = Duration.ofHours(72);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ShopDirectory shops;

	private final PasswordEncoder passwords;

	private final PasswordPolicy passwordPolicy;

	private final MailOutbox outbox;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StaffContacts contacts;

	private final SecureRandom random = new SecureRandom();

	StaffAccounts(JdbcClient jdbc, TransactionTemplate transactions, ShopDirectory shops, PasswordEncoder passwords,
			PasswordPolicy passwordPolicy, MailOutbox outbox, PublicUrl publicUrl, ApplicationEventPublisher events,
			Clock clock, StaffContacts contacts) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.shops = shops;
		this.passwords = passwords;
		this.passwordPolicy = passwordPolicy;
		this.outbox = outbox;
		this.publicUrl = publicUrl;
		this.events = events;
		this.clock = clock;
		this.contacts = contacts;
	}

	/** The staff member for a sign-in attempt, if the shop is open and the login ID known. */
	public Optional<StaffMember> findForSignIn(String shopCode, String loginId) {
		return openShop(shopCode).flatMap(shop -> inShop(shop, () -> jdbc.sql("""
				SELECT id, login_id, password_hash, is_owner, permissions FROM identity.staff_account WHERE login_id = :loginId""")
			.param("loginId", loginId == null ? "" : loginId)
			.query((row, n) -> new StaffMember(shop.code().value(), shop.id(), row.getLong("id"), row.getString("login_id"),
					row.getString("password_hash"),
					authorities(row.getBoolean("is_owner"), StoredPermissions.of(row.getArray("permissions")))))
			.optional()));
	}

	@Override
	public Optional<String> mailAddressOf(AccountKey account) {
		if (account.kind() != AccountKey.Kind.STAFF || account.shopId() == null || account.shopId() <= 0) {
			return Optional.empty();
		}
		ShopId shop = new ShopId(account.shopId());
		return TenantContext.callAs(shop, () -> transactions.execute(status -> jdbc
			.sql("SELECT id, email_sealed FROM identity.staff_account WHERE login_id = :loginId")
			.param("loginId", account.name())
			.query((row, n) -> contacts.emailOf(shop, row.getLong("id"), row.getBytes("email_sealed"),
					"security notice to the account's holder"))
			.optional()));
	}

	/** Creates the account and mails its holder a link to choose a password. */
	public void invite(String shopCode, NewStaff person, String invitedBy) {
		Shop shop = openShop(shopCode).orElseThrow(() -> new StaffProblem("staff.error.shop", shopCode));
		CredentialRules.loginIdProblem(person.loginId()).ifPresent(key -> {
			throw new StaffProblem(key);
		});
		requireNameAndEmail(person);
		String phone = StaffContacts.phoneOrNull(person.phone());
		String token = newToken();
		inShop(shop, () -> {
			long staffId = insertAccount(shop, person, phone);
			jdbc.sql("""
					INSERT INTO identity.staff_invitation (shop_id, token_hash, staff_id, expires_at)
					VALUES (:shop, :hash, :staff, :expires)""")
				.param("shop", shop.id().value())
				.param("hash", Sha256.of(token))
				.param("staff", staffId)
				.param("expires", Timestamp.from(clock.instant().plus(INVITATION_VALIDITY)))
				.update();
			outbox.enqueue(invitationMail(shop, person, token));
			return staffId;
		});
		events.publishEvent(new StaffInvited(shop.id().value(), person.loginId(), person.owner(), invitedBy));
		if (!person.owner() && !person.permissions().isEmpty()) {
			events.publishEvent(new StaffPermissionsChanged(shop.id().value(), person.loginId(), List.of(),
					List.of(StoredPermissions.names(person.permissions())), invitedBy));
		}
	}

	/** What, if anything, stops this invitation link from being used now (a message key). */
	public Optional<String> invitationProblem(String shopCode, String token) {
		return openShop(shopCode).map(shop -> inShop(shop, () -> invitation(shop, token, false).problem()))
			.orElse(Optional.of("staff.invitation.unknown"));
	}

	/** Sets the invited person's password and spends the link. */
	public void acceptInvitation(String shopCode, String token, String password, String confirmation) {
		Shop shop = openShop(shopCode).orElseThrow(() -> new StaffProblem("staff.invitation.unknown"));
		inShop(shop, () -> {
			Invitation invitation = invitation(shop, token, true);
			invitation.problem().ifPresent(key -> {
				throw new StaffProblem(key);
			});
			checkPassword(shop, invitation, password, confirmation);
			jdbc.sql("UPDATE identity.staff_account SET password_hash = :hash WHERE shop_id = :shop AND id = :staff")
				.param("hash", passwords.encode(password))
				.param("shop", shop.id().value())
				.param("staff", invitation.staffId())
				.update();
			return jdbc.sql("UPDATE identity.staff_invitation SET used_at = now() WHERE shop_id = :shop AND token_hash = :hash")
				.param("shop", shop.id().value())
				.param("hash", Sha256.of(token))
				.update();
		});
	}

	/** Stores a re-done hash of the same password (stronger parameters), for the signed-in member. */
	public void replacePasswordHash(StaffMember member, String passwordHash) {
		TenantContext.runAs(member.shopId(), () -> transactions.executeWithoutResult(status -> jdbc
			.sql("UPDATE identity.staff_account SET password_hash = :hash WHERE shop_id = :shop AND id = :staff")
			.param("hash", passwordHash)
			.param("shop", member.shopId().value())
			.param("staff", member.staffId())
			.update()));
	}

	public List<StaffSummary> list(Shop shop) {
		return inShop(shop, () -> jdbc.sql("""
				SELECT login_id, display_name, is_owner, password_hash IS NOT NULL AS active, permissions
				FROM identity.staff_account ORDER BY is_owner DESC, login_id""")
			.query((row, n) -> new StaffSummary(row.getString("login_id"), row.getString("display_name"),
					row.getBoolean("is_owner"), row.getBoolean("active"), StoredPermissions.of(row.getArray("permissions"))))
			.list());
	}

	/** The id is drawn first: it is part of what the sealed address and phone are bound to. */
	private long insertAccount(Shop shop, NewStaff person, String phone) {
		boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.staff_account WHERE login_id = :loginId)")
			.param("loginId", person.loginId())
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new StaffProblem("staff.error.taken");
		}
		long id = jdbc.sql("SELECT nextval('identity.staff_account_id_seq')").query(Long.class).single();
		StaffContacts.Sealed sealed = contacts.seal(shop.id(), id, person.email().strip(), phone);
		jdbc.sql("""
				INSERT INTO identity.staff_account
				       (shop_id, id, login_id, display_name, email_sealed, email_index, phone_sealed, is_owner, permissions)
				VALUES (:shop, :id, :loginId, :name, :email, :emailIndex, :phone, :owner, :permissions)""")
			.param("shop", shop.id().value())
			.param("id", id)
			.param("loginId", person.loginId())
			.param("name", person.displayName().strip())
			.param("email", sealed.email())
			.param("emailIndex", sealed.emailIndex())
			.param("phone", sealed.phone())
			.param("owner", person.owner())
			.param("permissions", StoredPermissions.names(person.owner() ? java.util.Set.of() : person.permissions()))
			.update();
		return id;
	}

	private Invitation invitation(Shop shop, String token, boolean lock) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Invitation.unknown();
		}
		String sql = lock ? """
				SELECT i.staff_id, a.login_id, a.email_sealed, i.used_at IS NOT NULL AS used, i.expires_at <= :now AS expired
				FROM identity.staff_invitation i JOIN identity.staff_account a ON a.shop_id = i.shop_id AND a.id = i.staff_id
				WHERE i.token_hash = :hash FOR UPDATE OF i""" : """
				SELECT i.staff_id, a.login_id, a.email_sealed, i.used_at IS NOT NULL AS used, i.expires_at <= :now AS expired
				FROM identity.staff_invitation i JOIN identity.staff_account a ON a.shop_id = i.shop_id AND a.id = i.staff_id
				WHERE i.token_hash = :hash""";
		return jdbc.sql(sql)
			.param("hash", Sha256.of(token))
			.param("now", Timestamp.from(clock.instant()))
			.query(Invitation.class)
			.optional()
			.orElseGet(Invitation::unknown);
	}

	/** The address is read to refuse a password built from it; the invited person is not signed in yet. */
	private void checkPassword(Shop shop, Invitation invitation, String password, String confirmation) {
		String email = contacts.emailOf(shop.code() + "/" + invitation.loginId(), shop.id(), invitation.staffId(),
				invitation.emailSealed(), "password check of an invitation (not built from the address)");
		passwordPolicy.check(password, new PasswordContext(AccountKind.STAFF, invitation.loginId(), email))
			.ifPresent(problem -> {
				throw new StaffProblem(problem.messageKey(), problem.arguments().toArray());
			});
		if (!password.equals(confirmation)) {
			throw new StaffProblem("credentials.password.mismatch");
		}
	}

	private static void requireNameAndEmail(NewStaff person) {
		String name = person.displayName() == null ? "" : person.displayName().strip();
		if (name.isEmpty() || name.length() > 100) {
			throw new StaffProblem("staff.error.name");
		}
		String email = person.email() == null ? "" : person.email().strip();
		if (!email.matches("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]+")) {
			throw new StaffProblem("staff.error.email");
		}
	}

	private OutboundMail invitationMail(Shop shop, NewStaff person, String token) {
		String link = publicUrl.of("/admin/invitation?shop=" + shop.code() + "&token=" + token);
		String body = String.join("\n", person.displayName() + " 様", "",
				"「" + shop.name() + "」の管理画面（店守）に招待されました。",
				"次のリンクからパスワードを設定してください（72 時間有効、一度だけ使えます）。", link, "",
				"ログインにはショップコード「" + shop.code() + "」とログイン ID「" + person.loginId() + "」を使います。",
				"初回ログイン時に認証アプリ（二段階認証）の登録が必要です。", "", "----", "",
				"You have been invited to the admin console of \"" + shop.name() + "\" on Misemori.",
				"Choose your password here (valid for 72 hours, works once):", link, "",
				"Sign in with shop code \"" + shop.code() + "\" and login ID \"" + person.loginId() + "\".");
		return new OutboundMail(person.email().strip(), "【店守】" + shop.name() + " 管理画面への招待 / Invitation", body,
				"staff-invitation:" + shop.id() + ":" + HexDigest.of(Sha256.of(token)), shop.id().value());
	}

	private Optional<Shop> openShop(String shopCode) {
		return shops.findByCode(shopCode).filter(Shop::isOpen);
	}

	private <T> T inShop(Shop shop, Supplier<T> work) {
		return TenantContext.callAs(shop.id(), () -> transactions.execute(status -> work.get()));
	}

	/** The owner holds every permission whatever the column says: an owner can never be locked out of an area. */
	private static List<SimpleGrantedAuthority> authorities(boolean owner, java.util.Set<StaffPermission> permissions) {
		List<SimpleGrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
		if (owner) {
			authorities.add(new SimpleGrantedAuthority("ROLE_SHOP_OWNER"));
		}
		(owner ? StaffPermission.all() : permissions)
			.forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission.authority())));
		return authorities;
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	record Invitation(long staffId, String loginId, byte[] emailSealed, boolean used, boolean expired) {

		static Invitation unknown() {
			return new Invitation(0, null, null, false, false);
		}

		Optional<String> problem() {
			if (loginId == null) {
				return Optional.of("staff.invitation.unknown");
			}
			if (used) {
				return Optional.of("staff.invitation.used");
			}
			return expired ? Optional.of("staff.invitation.expired") : Optional.empty();
		}

	}

	private static final class HexDigest {

		private HexDigest() {
		}

		static String of(byte[] bytes) {
			return java.util.HexFormat.of().formatHex(bytes, 0, 8);
		}

	}

}
