package org.misemori.platform;

import java.util.regex.Pattern;

/**
 * The short name a shop is reached by, as in {@code /s/demo/}: 3–32 lower-case letters,
 * digits and inner hyphens, so that it is safe in a URL and a host name alike.
 */
public record ShopCode(String value) {

	private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,30}[a-z0-9]");

	public ShopCode {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a shop code: " + value);
		}
	}

	public static boolean isValid(String candidate) {
		return candidate != null && SHAPE.matcher(candidate).matches();
	}

	@Override
	public String toString() {
		return value;
	}

}
