package org.misemori.identity.web;

import java.util.Optional;

import org.misemori.identity.SignedInMember;
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.platform.ShopId;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The member of the request's security context; a member of another shop is nobody here. */
@Component
class SecurityContextMember implements SignedInMember {

	@Override
	public Optional<Long> idIn(ShopId shop) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof MemberPrincipal member && member.shopId().equals(shop)) {
			return Optional.of(member.memberId());
		}
		return Optional.empty();
	}

}
