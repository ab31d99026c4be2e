package org.misemori.theme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.platform.domain.ShopPurge;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Theme files in the database: versions, rollback, audit, per-shop isolation, the default
 * theme rendering plain data, the CSS route, the editor behind its permission, and the purge.
 */
@MisemoriIntegrationTest
class ThemeSandboxIntegrationTest {

	private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	ShopTheme theme;

	@Autowired
	ThemeRenderer renderer;

	@Autowired
	StaffAccounts staff;

	@Autowired
	ShopVault vault;

	@Autowired
	Environment environment;

	@Autowired
	ShopPurge purge;

	Shop shop;

	Shop otherShop;

	@BeforeEach
	void shops() throws SQLException {
		shop = ShopFixtures.kissaShop(administration);
		otherShop = ShopFixtures.zakkaShop(administration);
		StaffFixtures.add(environment, vault, shop, "designer", "designer@kissa.example.jp", false, HASH, StaffPermission.THEMES);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, HASH, StaffPermission.ORDERS);
	}

	@Test
	void everySaveIsAVersionARollbackIsANewOneAndBothAreAudited() throws Exception {
		String by = shop.code().value() + "/designer";
		ThemeFile first = as(shop, () -> theme.save("snippets/note.liquid", "<p>one {{ x }}</p>", by));
		ThemeFile second = as(shop, () -> theme.save("snippets/note.liquid", "<p>two</p>", by));
		ThemeFile back = as(shop, () -> theme.rollBack("snippets/note.liquid", 1, by));

		assertThat(List.of(first.version(), second.version(), back.version())).containsExactly(1, 2, 3);
		assertThat(back.body()).isEqualTo("<p>one {{ x }}</p>");
		assertThat(back.restoredFrom()).isEqualTo(1);
		assertThat(as(shop, () -> theme.current("snippets/note.liquid")).orElseThrow().version()).isEqualTo(3);
		assertThat(as(shop, () -> theme.versions("snippets/note.liquid"))).extracting(ThemeFile::version).containsExactly(3, 2, 1);
		assertThat(as(otherShop, () -> theme.current("snippets/note.liquid"))).isEmpty();

		assertThat(audit(510, by)).containsExactly("path=snippets/note.liquid version=1 bytes=18",
				"path=snippets/note.liquid version=2 bytes=10");
		assertThat(audit(511, by)).containsExactly("path=snippets/note.liquid version=3 restoredFrom=1 bytes=18");
	}

	@Test
	void aTemplateThatDoesNotParseIsNotSaved() {
		ThemeRenderProblem refused = catchThrowableOfType(ThemeRenderProblem.class,
				() -> as(shop, () -> theme.save("templates/product.liquid", "<h1>\n{% if %}", "x/designer")));
		assertThat(refused.kind()).isEqualTo(ThemeRenderProblem.Kind.SYNTAX);
		assertThat(refused.arguments()[1]).isEqualTo(2);
		assertThat(as(shop, () -> theme.versions("templates/product.liquid"))).isEmpty();
	}

	@Test
	void theRuntimeRoleCannotRewriteHistory() throws SQLException {
		try (Connection app = Databases.asRuntimeRole(environment); var statement = app.createStatement()) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM theme.template_version"))
				.hasMessageContaining("permission denied");
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> statement.executeUpdate("UPDATE theme.template_version SET body = ''"))
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void theDefaultThemeRendersAProductFromPlainDataWithItsNameEscaped() {
		Map<String, Object> product = Map.of("name", "<script>alert(1)</script>抹茶", "handle", "matcha", "price_label", "¥1,080",
				"reduced_rate", true, "description", "<p>香り<b>高い</b><img src=x onerror=alert(2)></p>",
				"variants", List.of(Map.of("id", 1, "name", "100g", "price_label", "¥1,080", "available", true)));
		TemplateData data = TemplateData.of(Map.of("shop", Map.of("name", "喫茶みどり", "base", "/s/kissa"), "product", product));

		String ja = as(shop, () -> renderer.renderPage("product", data, Locale.JAPANESE));
		assertThat(ja).contains("&lt;script&gt;alert(1)&lt;/script&gt;抹茶", "<b>高い</b>", "カートに入れる", "※",
				"<link rel=\"stylesheet\" href=\"/s/kissa/assets/theme.css\">", "特定商取引法に基づく表記")
			.doesNotContain("<script>", "onerror", "style=");
		assertThat(as(shop, () -> renderer.renderPage("product", data, Locale.ENGLISH))).contains("Add to cart", "lang=\"en\"");
		for (String page : List.of("home", "collection", "search", "cart", "page")) {
			assertThat(as(shop, () -> renderer.renderPage(page, data, Locale.JAPANESE))).startsWith("<!DOCTYPE html>");
		}
	}

	@Test
	void theCssIsItsOwnAssetWithTheShopsLatestVersion() throws Exception {
		mvc.perform(get("/s/" + shop.code().value() + "/assets/theme.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/css;charset=UTF-8"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().string(containsString(".product-grid")));
		as(shop, () -> theme.save("assets/theme.css", "body { color: #123456; }", "x/designer"));
		mvc.perform(get("/s/" + shop.code().value() + "/assets/theme.css"))
			.andExpect(content().string("body { color: #123456; }"));
		mvc.perform(get("/s/" + otherShop.code().value() + "/assets/theme.css"))
			.andExpect(content().string(not(containsString("#123456"))));
	}

	@Test
	void theEditorNeedsTheThemesPermissionAndShowsParseErrorsWithTheirLine() throws Exception {
		mvc.perform(get("/admin/themes").with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/themes").param("path", "templates/product.liquid").with(StaffFixtures.signedIn(staff, shop, "designer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("layout/theme.liquid")))
			.andExpect(content().string(containsString("product.name")));
		mvc.perform(post("/admin/themes/save").param("path", "templates/product.liquid")
			.param("body", "<h1>{{ product.name }}</h1>\n{% for x in %}")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "designer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 行")));
		mvc.perform(post("/admin/themes/save").param("path", "templates/product.liquid")
			.param("body", "<h1>{{ product.name }}</h1>")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "clerk")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/themes/save").param("path", "templates/product.liquid")
			.param("body", "<h1>{{ product.name }}</h1>")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "designer")))
			.andExpect(status().is3xxRedirection());
		assertThat(as(shop, () -> theme.versions("templates/product.liquid"))).singleElement()
			.satisfies(version -> assertThat(version.savedBy()).isEqualTo(shop.code().value() + "/designer"));
	}

	@Test
	void aPurgedShopsThemeIsGone() throws Exception {
		Shop closing = ShopFixtures.kissaShop(administration);
		as(closing, () -> theme.save("snippets/gone.liquid", "bye", "x/designer"));
		administration.closeShop(closing.code().value(), 0);
		purge.purgeDue();
		try (Connection crossShop = Databases.asCrossShopRole(environment);
				PreparedStatement count = crossShop.prepareStatement("SELECT count(*) FROM theme.template_version WHERE shop_id = ?")) {
			count.setLong(1, closing.id().value());
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				assertThat(rows.getInt(1)).isZero();
			}
		}
	}

	private static <T> T as(Shop shop, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(shop.id(), work);
	}

	private List<String> audit(int code, String actor) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection
					.prepareStatement("SELECT detail FROM audit.audit_event WHERE type_code = ? AND actor = ? ORDER BY id")) {
			select.setInt(1, code);
			select.setString(2, actor);
			List<String> details = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					details.add(rows.getString(1));
				}
			}
			return details;
		}
	}

}
