package org.misemori.identity.passkey;

import java.util.Optional;

import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberPrincipal;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.stereotype.Component;

/**
 * The member a verified passkey belongs to, if that member is active at this very shop. The name
 * carries the shop id as well, and both are checked: a holder of another shop is never signed in.
 */
@Component
public class MemberPasskeyHolders {

	private final MemberAccounts members;

	MemberPasskeyHolders(MemberAccounts members) {
		this.members = members;
	}

	public Optional<MemberPrincipal> find(ShopId shop, String username) {
		if (!username.startsWith("member:" + shop.value() + ":")) {
			return Optional.empty();
		}
		long memberId = memberId(username);
		return TenantContext.callAs(shop, () -> members.activeMember(shop, memberId, "passkey sign-in"));
	}

	/** The member id at the end of a holder's name {@code member:<shop id>:<member id>}; 0 (no one) if none. */
	static long memberId(String name) {
		try {
			return Long.parseLong(name.substring(name.lastIndexOf(':') + 1));
		}
		catch (NumberFormatException notAMember) {
			return 0;
		}
	}

}
