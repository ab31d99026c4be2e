package org.misemori.identity.domain;

import java.util.Optional;

import org.misemori.identity.lockout.AccountHolders;
import org.misemori.identity.lockout.AccountKey;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Operator accounts for Spring Security's login, and their holders' mail addresses for lock
 * notices; they live behind the cross-shop role.
 */
@Component
class OperatorAccounts implements UserDetailsService, UserDetailsPasswordService, AccountHolders {

	private final CrossShopAccess crossShop;

	OperatorAccounts(CrossShopAccess crossShop) {
		this.crossShop = crossShop;
	}

	@Override
	public UserDetails loadUserByUsername(String loginId) {
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "operator sign-in",
				jdbc -> jdbc.sql("SELECT login_id, password_hash FROM identity.operator_account WHERE login_id = :loginId")
					.param("loginId", loginId)
					.query((row, n) -> User.withUsername(row.getString("login_id"))
						.password(row.getString("password_hash"))
						.roles("OPERATOR")
						.build())
					.optional())
			.orElseThrow(() -> new UsernameNotFoundException("No such operator"));
	}

	/** Stores a hash redone at stronger Argon2id parameters as the operator signs in. */
	@Override
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "upgrade password hash of " + user.getUsername(),
				jdbc -> jdbc.sql("UPDATE identity.operator_account SET password_hash = :hash WHERE login_id = :loginId")
					.param("hash", newPasswordHash)
					.param("loginId", user.getUsername())
					.update());
		return User.withUserDetails(user).password(newPasswordHash).build();
	}

	@Override
	public Optional<String> mailAddressOf(AccountKey account) {
		if (account.kind() != AccountKey.Kind.OPERATOR) {
			return Optional.empty();
		}
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, "mail address for a lock notice to " + account.name(),
				jdbc -> jdbc.sql("SELECT email FROM identity.operator_account WHERE login_id = :loginId AND email IS NOT NULL")
					.param("loginId", account.name())
					.query(String.class)
					.optional());
	}

}
