package org.misemori.identity.domain;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Operator accounts for Spring Security's login; they live behind the cross-shop role. */
@Component
class OperatorAccounts implements UserDetailsService {

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

}
