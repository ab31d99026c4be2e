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

}
