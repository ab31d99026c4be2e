package org.misemori.platform;

import java.util.List;

/**
 * Staff changed the shop's profile, the facts of its 特定商取引法 page among them; published for the
 * audit log. Only the names of the changed fields: the values are on the public page anyway, and
 * an audit entry is no place for a representative's name.
 * @param changedBy as {@code <shop code>/<login ID>}
 * @param fields names as in {@link ShopProfile#FIELDS}
 */
public record ShopProfileChanged(long shopId, String changedBy, List<String> fields) {

	public ShopProfileChanged {
		fields = List.copyOf(fields);
	}

}
