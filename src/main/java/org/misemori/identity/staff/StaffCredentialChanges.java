package org.misemori.identity.staff;

import org.misemori.identity.EmailChanged;
import org.misemori.identity.PasswordChanged;
import org.misemori.identity.notices.SecurityChangeNotices;
import org.misemori.identity.notices.SecurityChangeNotices.Contact;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordContext;
import org.misemori.identity.password.PasswordPolicy;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A staff member's own password and email address. The web layer has checked a recent second
 * factor and (through the throttle) the current password; this checks the new values, stores
 * them and tells the holder by mail. Ending their other sessions is the caller's, who knows
 * which one is current.
 */
@Service
public class StaffCredentialChanges {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final SecurityChangeNotices notices;

	private final ApplicationEventPublisher events;

	private final StaffContacts contacts;

	StaffCredentialChanges(JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder passwords,
			PasswordPolicy policy, SecurityChangeNotices notices, ApplicationEventPublisher events,
			StaffContacts contacts) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.passwords = passwords;
		this.policy = policy;
		this.notices = notices;
		this.events = events;
		this.contacts = contacts;
	}

	/** Whether {@code presented} is the current password; oversize input is refused before hashing. */
	public boolean isCurrentPassword(StaffMember me, String presented) {
		if (presented == null || presented.length() > 4 * PasswordPolicy.MAX_LENGTH) {
			return false;
		}
		String hash = inShop(me, () -> jdbc
			.sql("SELECT password_hash FROM identity.staff_account WHERE shop_id = :shop AND id = :id")
			.param("shop", me.shopId().value())
			.param("id", me.staffId())
			.query(String.class)
			.single());
		return passwords.matches(presented, hash);
	}

	public void changePassword(StaffMember me, String password, String confirmation, String clientAddress) {
		Stored account = stored(me, "password change: not built from the address, and the notice");
		policy.check(password, new PasswordContext(AccountKind.STAFF, account.loginId(), account.email()))
			.ifPresent(problem -> {
				throw new StaffProblem(problem.messageKey(), problem.arguments().toArray());
			});
		if (!password.equals(confirmation)) {
			throw new StaffProblem("credentials.password.mismatch");
		}
		String hash = passwords.encode(password);
		inShop(me, () -> jdbc.sql("UPDATE identity.staff_account SET password_hash = :hash WHERE shop_id = :shop AND id = :id")
			.param("hash", hash)
			.param("shop", me.shopId().value())
			.param("id", me.staffId())
			.update());
		notices.passwordChanged(holder(account, me), clientAddress);
		events.publishEvent(new PasswordChanged(me.getUsername(), me.shopId().value()));
	}

	public void changeEmail(StaffMember me, String newEmail, String clientAddress) {
		Stored account = stored(me, "address change: compare, and tell the old address");
		String address = newEmail == null ? "" : newEmail.strip();
		if (address.length() > 254 || !address.matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]+")) {
			throw new StaffProblem("staff.error.email");
		}
		if (address.equalsIgnoreCase(account.email())) {
			throw new StaffProblem("account.email.same");
		}
		// Sealed again, bound to the same id; the previous ciphertext is simply overwritten.
		StaffContacts.Sealed sealed = contacts.seal(me.shopId(), me.staffId(), address, null);
		inShop(me, () -> jdbc.sql("""
				UPDATE identity.staff_account SET email_sealed = :email, email_index = :emailIndex, legacy_email = NULL
				WHERE shop_id = :shop AND id = :id""")
			.param("email", sealed.email())
			.param("emailIndex", sealed.emailIndex())
			.param("shop", me.shopId().value())
			.param("id", me.staffId())
			.update());
		notices.emailChanged(holder(account, me), address, clientAddress);
		events.publishEvent(new EmailChanged(me.getUsername(), me.shopId().value()));
	}

	/** The account with its address opened (the read is recorded, in the same transaction). */
	private Stored stored(StaffMember me, String purpose) {
		return inShop(me, () -> jdbc
			.sql("SELECT login_id, email_sealed, password_hash FROM identity.staff_account WHERE shop_id = :shop AND id = :id")
			.param("shop", me.shopId().value())
			.param("id", me.staffId())
			.query((row, n) -> new Stored(row.getString("login_id"),
					contacts.emailOf(me.shopId(), me.staffId(), row.getBytes("email_sealed"), purpose),
					row.getString("password_hash")))
			.single());
	}

	private static SecurityChangeNotices.Holder holder(Stored account, StaffMember me) {
		return new SecurityChangeNotices.Holder(account.email(), account.loginId(), me.shopId().value(),
				Contact.SHOP_OWNER, "");
	}

	private <T> T inShop(StaffMember me, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(me.shopId(), () -> transactions.execute(status -> work.get()));
	}

	record Stored(String loginId, String email, String passwordHash) {
	}

}
