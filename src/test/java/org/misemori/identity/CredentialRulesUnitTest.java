package org.misemori.identity;

import org.junit.jupiter.api.Test;
import org.misemori.identity.domain.CredentialRules;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialRulesUnitTest {

	@Test
	void loginIdsAreNotEmailAddresses() {
		assertThat(CredentialRules.loginIdProblem("hanako@example.jp")).hasValue("credentials.login-id.email");
		assertThat(CredentialRules.loginIdProblem("ops.hanako")).isEmpty();
		assertThat(CredentialRules.loginIdProblem("")).hasValue("credentials.login-id.required");
		assertThat(CredentialRules.loginIdProblem("OPS")).hasValue("credentials.login-id.shape");
		assertThat(CredentialRules.loginIdProblem("花子")).hasValue("credentials.login-id.shape");
	}

	@Test
	void operatorPasswordsAreLongNotComposed() {
		String passphrase = "correct horse battery staple";
		assertThat(CredentialRules.operatorPasswordProblem("ops", passphrase, passphrase)).isEmpty();
		assertThat(CredentialRules.operatorPasswordProblem("ops", "Sh0rt!Pass#12", "Sh0rt!Pass#12"))
			.hasValue("credentials.password.too-short");
		// Fifteen Japanese characters count as fifteen, not as their UTF-16 or UTF-8 length.
		assertThat(CredentialRules.operatorPasswordProblem("ops", "みせもりのあいことばはひみつです", "みせもりのあいことばはひみつです")).isEmpty();
		assertThat(CredentialRules.operatorPasswordProblem("ops", passphrase, passphrase + "x"))
			.hasValue("credentials.password.mismatch");
		assertThat(CredentialRules.operatorPasswordProblem("a-very-long-login", "a-very-long-login",
				"a-very-long-login"))
			.hasValue("credentials.password.is-login-id");
		assertThat(CredentialRules.operatorPasswordProblem("ops", "x".repeat(129), "x".repeat(129)))
			.hasValue("credentials.password.too-long");
	}

}
