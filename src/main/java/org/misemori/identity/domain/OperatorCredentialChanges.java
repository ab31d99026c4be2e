package org.misemori.identity.domain;

import java.util.Optional;

import org.misemori.identity.EmailChanged;
import org.misemori.identity.PasswordChanged;
import org.misemori.identity.notices.SecurityChangeNotices;
import org.misemori.identity.notices.SecurityChangeNotices.Contact;
import org.misemori.identity.password.AccountKind;
import org.misemori.identity.password.PasswordContext;
import org.misemori.identity.password.PasswordPolicy;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * An operator's own password and email address, through the cross-shop role (the only one that
 * reaches operator accounts). Like staff: the web layer demands a recent code and checks the
 * current password through the throttle; this checks the new values and mails the holder.
 */
@Service
public class OperatorCredentialChanges {

	private final CrossShopAccess crossShop;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final SecurityChangeNotices notices;

	private final ApplicationEventPublisher events;

	OperatorCredentialChanges(CrossShopAccess crossShop, PasswordEncoder passwords, PasswordPolicy policy,
			SecurityChangeNotices notices, ApplicationEventPublisher events) {
		this.crossShop = crossShop;
		this.passwords = passwords;
		this.policy = policy;
		this.notices = notices;
		this.events = events;
	}

	/** Whether {@code presented} is the current password; oversize input is refused before hashing. */
	public boolean isCurrentPassword(String loginId, String presented) {
		if (presented == null || presented.length() > 4 * PasswordPolicy.MAX_LENGTH) {
			return false;
		}
		return passwords.matches(presented, stored(loginId).passwordHash());
	}

	public void changePassword(String loginId, String password, String confirmation, String clientAddress) {
		Stored account = stored(loginId);
		policy.check(password, new PasswordContext(AccountKind.OPERATOR, loginId, account.email())).ifPresent(problem -> {
			throw new SetupRefusedException(problem.messageKey(), problem.arguments().toArray());
		});
		if (!password.equals(confirmation)) {
			throw new SetupRefusedException("credentials.password.mismatch");
		}
		String hash = passwords.encode(password);
		crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "password changed by its holder: " + loginId,
				jdbc -> jdbc.sql("UPDATE identity.operator_account SET password_hash = :hash WHERE login_id = :loginId")
					.param("hash", hash)
					.param("loginId", loginId)
					.update());
		Optional.ofNullable(account.email()).ifPresent(address -> notices.passwordChanged(holder(loginId, address), clientAddress));
		events.publishEvent(new PasswordChanged("operator:" + loginId, null));
	}

	public void changeEmail(String loginId, String newEmail, String clientAddress) {
		Stored account = stored(loginId);
		String address = newEmail == null ? "" : newEmail.strip();
		if (address.length() > 254 || !address.matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]+")) {
			throw new SetupRefusedException("staff.error.email");
		}
		if (address.equalsIgnoreCase(account.email())) {
			throw new SetupRefusedException("account.email.same");
		}
		crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "email changed by its holder: " + loginId,
				jdbc -> jdbc.sql("UPDATE identity.operator_account SET email = :email WHERE login_id = :loginId")
					.param("email", address)
					.param("loginId", loginId)
					.update());
		// An operator set up before V9 may have had no address: then only the new one hears.
		notices.emailChanged(holder(loginId, account.email()), address, clientAddress);
		events.publishEvent(new EmailChanged("operator:" + loginId, null));
	}

	private Stored stored(String loginId) {
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "own account settings of " + loginId,
				jdbc -> jdbc.sql("SELECT email, password_hash FROM identity.operator_account WHERE login_id = :loginId")
					.param("loginId", loginId)
					.query(Stored.class)
					.single());
	}

	private static SecurityChangeNotices.Holder holder(String loginId, String address) {
		return new SecurityChangeNotices.Holder(address, loginId, null, Contact.PLATFORM_OPERATORS, "");
	}

	record Stored(String email, String passwordHash) {
	}

}
