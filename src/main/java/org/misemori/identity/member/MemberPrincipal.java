package org.misemori.identity.member;

import java.io.Serializable;
import java.security.Principal;

import org.misemori.platform.ShopId;

/** A signed-in shopper of one shop. The name keys sessions and throttling; it is never shown. */
public record MemberPrincipal(ShopId shopId, long memberId, String email) implements Principal, Serializable {

	@Override
	public String getName() {
		return "member:" + shopId + ":" + memberId;
	}

}
