package org.misemori.storefront.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.misemori.platform.ShopId;

import static org.assertj.core.api.Assertions.assertThat;

class CachedPageUnitTest {

	private static final String SLOT = PageCapture.TOKEN_PLACEHOLDER;

	@Test
	void eachPlaceholderIsReplacedByTheShoppersTokenAndNothingElseChanges() {
		String html = "<form><input name=\"_csrf\" value=\"" + SLOT + "\"></form>東京<p>" + SLOT + "</p>" + SLOT;
		CachedPage page = page(html);

		assertThat(page.hasForms()).isTrue();
		assertThat(page.parts()).hasSize(4);
		assertThat(new String(page.body("TOKEN-A"), StandardCharsets.UTF_8))
			.isEqualTo(html.replace(SLOT, "TOKEN-A"));
		assertThat(new String(page.body("b"), StandardCharsets.UTF_8)).isEqualTo(html.replace(SLOT, "b"));
	}

	@Test
	void aPageWithoutFormsIsKeptWhole() {
		CachedPage page = page("<p>商品はありません</p>");

		assertThat(page.hasForms()).isFalse();
		assertThat(new String(page.body(""), StandardCharsets.UTF_8)).isEqualTo("<p>商品はありません</p>");
		assertThat(page(SLOT).body("x")).isEqualTo("x".getBytes(StandardCharsets.US_ASCII));
		assertThat(page("").body("x")).isEmpty();
	}

	@Test
	void thePlaceholderIsUnguessableAndTheSameForTheWholeProcess() {
		assertThat(SLOT).matches("csrf-placeholder-[0-9a-f]{32}").isSameAs(PageCapture.TOKEN_PLACEHOLDER);
	}

	private static CachedPage page(String html) {
		return new CachedPage(new ShopId(1), 1, 200, "text/html;charset=UTF-8", List.of(),
				CachedPage.split(html.getBytes(StandardCharsets.UTF_8)));
	}

}
