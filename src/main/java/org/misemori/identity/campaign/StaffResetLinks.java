package org.misemori.identity.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.misemori.identity.lockout.AccountKey;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordContext;
import org.misemori.identity.password.PasswordPolicy;
import org.misemori.identity.password.PasswordReplaced;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.vault.FieldRef;
import org.misemori.vault.PersonalDataReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff password reset by mailed link: the "forgot password" request (30 minutes), a
 * campaign's link (until its deadline and a grace period) and the link a forced sign-in hands
 * over. Single use; only the SHA-256 of a token is stored. Setting the password ends the
 * account's sessions and mails its holder; the second factor is still asked at the next sign-in.
 */
@Service
public class StaffResetLinks {

	static final Duration SELF_SERVICE = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ShopDirectory shops;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ResetSideEffects after;

	private final ResetLinkMail mail;

	private final Clock clock;

	private final PersonalDataReader reader;

	StaffResetLinks(JdbcClient jdbc, PlatformTransactionManager transactionManager, ShopDirectory shops,
			PasswordEncoder passwords, PasswordPolicy policy, ResetSideEffects after, ResetLinkMail mail, Clock clock,
			PersonalDataReader reader) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.shops = shops;
		this.passwords = passwords;
		this.policy = policy;
		this.after = after;
		this.mail = mail;
		this.clock = clock;
		this.reader = reader;
	}

	/** An account as stored: its address sealed, opened only through {@link #emailOf}. */
	record Holder(long id, String loginId, byte[] emailSealed) {
	}

	/** Mails a link if the shop and login ID name an account; says nothing either way. */
	public void requestReset(String shopCode, String loginId) {
		String id = loginId == null || loginId.length() > 64 ? "" : loginId.strip().toLowerCase(Locale.ROOT);
		openShop(shopCode).ifPresent(shop -> inShop(shop, () -> jdbc
			.sql("SELECT id, login_id, email_sealed FROM identity.staff_account WHERE login_id = :loginId")
			.param("loginId", id)
			.query(Holder.class)
			.optional()
			.map(holder -> {
				// A row not sealed yet (legacy_email, until the start-up sealing) has no address here.
				String to = emailOf(shop, holder, "self-service password-reset mail");
				if (to != null) {
					mail.staffLink(shop, to, issue(shop.id(), holder.id(), SELF_SERVICE));
				}
				return holder;
			})));
	}

	/** A fresh link for a staff member who just proved their old password while a campaign waits. */
	public String forcedSignInToken(ShopId shop, long staffId) {
		return TenantContext.callAs(shop, () -> transactions.execute(status -> issue(shop, staffId, ForcedReset.SIGN_IN_LINK)));
	}

	public boolean usable(String shopCode, String token) {
		return openShop(shopCode).flatMap(shop -> inShop(shop, () -> holderOf(token))).isPresent();
	}

	/** Sets the new password; a {@link CampaignProblem} says what to put right. */
	public void reset(String shopCode, String token, String password, String confirmation, String clientAddress) {
		Shop shop = openShop(shopCode).orElseThrow(() -> new CampaignProblem("reset.link.invalid"));
		Holder holder = inShop(shop, () -> {
			Holder found = holderOf(token).orElseThrow(() -> new CampaignProblem("reset.link.invalid"));
			String email = emailOf(shop, found, "password reset: not built from the address");
			policy.check(password, new PasswordContext(AccountKind.STAFF, found.loginId(), email))
				.ifPresent(problem -> {
					throw new CampaignProblem(problem.messageKey(), problem.arguments().toArray());
				});
			if (!password.equals(confirmation)) {
				throw new CampaignProblem("credentials.password.mismatch");
			}
			spend(token);
			jdbc.sql("UPDATE identity.staff_account SET password_hash = :hash WHERE id = :id")
				.param("hash", passwords.encode(password))
				.param("id", found.id())
				.update();
			after.replaced(new PasswordReplaced(AccountKind.STAFF, shop.id().value(), found.id()));
			return found;
		});
		after.endSessionsAndTell(shop.code() + "/" + holder.loginId(),
				AccountKey.staff(shop.id().value(), holder.loginId()), clientAddress);
	}

	private Optional<Holder> holderOf(String token) {
		return jdbc.sql("""
				SELECT a.id, a.login_id, a.email_sealed FROM identity.staff_reset_token t
				JOIN identity.staff_account a ON a.shop_id = t.shop_id AND a.id = t.staff_id
				WHERE t.token_hash = :hash AND t.used_at IS NULL AND t.expires_at > :now""")
			.param("hash", ResetTokens.hash(token))
			.param("now", Timestamp.from(clock.instant()))
			.query(Holder.class)
			.optional();
	}

	/** Read on behalf of the account itself: whoever asks is not signed in (they forgot their password). */
	private String emailOf(Shop shop, Holder holder, String purpose) {
		try (var reading = reader.openAs(shop.code() + "/" + holder.loginId(), shop.id(), "STAFF", purpose)) {
			return reading.field(FieldRef.of("identity.staff_account", "email", holder.id()), holder.emailSealed());
		}
	}

	private void spend(String token) {
		int spent = jdbc.sql("""
				UPDATE identity.staff_reset_token SET used_at = :now
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
			.param("hash", ResetTokens.hash(token))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (spent != 1) {
			throw new CampaignProblem("reset.link.invalid");
		}
	}

	private String issue(ShopId shop, long staffId, Duration validity) {
		String token = ResetTokens.draw();
		jdbc.sql("""
				INSERT INTO identity.staff_reset_token (shop_id, token_hash, staff_id, expires_at)
				VALUES (:shop, :hash, :staff, :expires)""")
			.param("shop", shop.value())
			.param("hash", ResetTokens.hash(token))
			.param("staff", staffId)
			.param("expires", Timestamp.from(clock.instant().plus(validity)))
			.update();
		return token;
	}

	private Optional<Shop> openShop(String shopCode) {
		return shopCode == null || shopCode.length() > 64 ? Optional.empty()
				: shops.findByCode(shopCode.strip()).filter(Shop::isOpen);
	}

	private <T> T inShop(Shop shop, Supplier<T> work) {
		return TenantContext.callAs(shop.id(), () -> transactions.execute(status -> work.get()));
	}

}
