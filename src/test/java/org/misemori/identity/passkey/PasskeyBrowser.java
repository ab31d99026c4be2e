package org.misemori.identity.passkey;

import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/** What Chrome's virtual authenticator pretends to be: a platform passkey that checks its holder. */
final class PasskeyBrowser {

	private PasskeyBrowser() {
	}

	static VirtualAuthenticatorOptions authenticatorOptions() {
		return new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true)
			.setIsUserConsenting(true);
	}

}
