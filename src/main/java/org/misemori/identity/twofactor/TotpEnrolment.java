package org.misemori.identity.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What an authenticator app needs to be set up: the secret, typed or as an otpauth:// URI. */
public record TotpEnrolment(String base32Secret, String accountName) {

	static final String ISSUER = "Misemori";

	public String otpauthUri() {
		String label = URLEncoder.encode(ISSUER + ":" + accountName, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
	}

	/** The secret in groups of four, easier to type. */
	public String groupedSecret() {
		return base32Secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

}
