package org.misemori.identity.staff;

import java.io.Serial;
import java.util.Collection;

import org.misemori.platform.ShopId;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in member of a shop's staff. The username is {@code <shop code>/<login ID>}: login
 * IDs are unique per shop only, and the session index and the factor merge key on the name.
 */
public class StaffMember extends User {

	@Serial
	private static final long serialVersionUID = 1L;

	private final ShopId shopId;

	private final long staffId;

	StaffMember(String shopCode, ShopId shopId, long staffId, String loginId, String passwordHash,
			Collection<? extends GrantedAuthority> authorities) {
		super(shopCode + "/" + loginId, passwordHash == null ? "" : passwordHash, passwordHash != null, true, true, true,
				authorities);
		this.shopId = shopId;
		this.staffId = staffId;
	}

	public ShopId shopId() {
		return shopId;
	}

	public long staffId() {
		return staffId;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
