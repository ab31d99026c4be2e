package org.misemori.storefront.web;

import org.junit.jupiter.api.Test;
import org.misemori.identity.MemberAccountPages.Page;

import static org.assertj.core.api.Assertions.assertThat;

class AccountPagesUnitTest {

	private static final String SCRIPT = "<script nonce=\"n\" src=\"/assets/js/passkeys.js\" defer></script>";

	@Test
	void thePasskeyScriptGoesBeforeTheLastClosingBodyTagInAnyCase() {
		assertThat(AccountPages.withScript("<p>&lt;/body&gt;</BODY>\n</html>", SCRIPT))
			.isEqualTo("<p>&lt;/body&gt;" + SCRIPT + "</BODY>\n</html>");
		assertThat(AccountPages.withScript("<p>a</body><p>b</body>", SCRIPT)).isEqualTo("<p>a</body><p>b" + SCRIPT + "</body>");
	}

	@Test
	void aLayoutWithoutABodyTagStillGetsTheScriptAtTheEnd() {
		assertThat(AccountPages.withScript("<p>メンバー</p>", SCRIPT)).isEqualTo("<p>メンバー</p>" + SCRIPT);
	}

	@Test
	void everyPageHasItsOwnTemplate() {
		assertThat(java.util.Arrays.stream(Page.values()).map(AccountPages::template).distinct()).hasSize(Page.values().length);
	}

}
