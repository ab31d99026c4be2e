package org.misemori.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The catalog as the storefront and admin will use it, against the real database and its row-level security. */
@MisemoriIntegrationTest
class CatalogIntegrationTest {

	@Autowired
	Catalog catalog;

	@Autowired
	ShopAdministration administration;

	@Autowired
	MessageSource messages;

	@Autowired
	Environment environment;

	Shop shop;

	Shop otherShop;

	@BeforeEach
	void shops() {
		shop = ShopFixtures.zakkaShop(administration);
		otherShop = ShopFixtures.kissaShop(administration);
	}

	@Test
	void aProductIsSeenByShoppersOnlyOncePublishedAndIsFoundBySearch() {
		String handle = "tenugui-" + CatalogFixtures.suffix();
		ProductId id = as(shop, () -> catalog.createProduct(
				new ProductDetails(new Handle(handle), "Chusen Tenugui 注染手ぬぐい 100%綿", "麻の葉の柄。", TaxClass.STANDARD), "owner"));
		as(shop, () -> catalog.addVariant(id, new VariantDetails("TNG-1", List.of(new VariantOption("柄", "麻の葉"),
				new VariantOption("色", "藍")), 1320, 5), "owner"));
		assertThat(as(shop, () -> catalog.findPublishedByHandle(handle))).as("a draft").isEmpty();
		assertThat(as(shop, () -> catalog.search("tenugui"))).isEmpty();

		as(shop, () -> catalog.publish(id, "owner"));

		Product found = as(shop, () -> catalog.findPublishedByHandle(handle)).orElseThrow();
		assertThat(found.title()).isEqualTo("Chusen Tenugui 注染手ぬぐい 100%綿");
		assertThat(found.taxClass()).isEqualTo(TaxClass.STANDARD);
		assertThat(found.variants()).singleElement().satisfies(v -> {
			assertThat(v.priceYen()).isEqualTo(1320);
			assertThat(v.options()).extracting(VariantOption::value).containsExactly("麻の葉", "藍");
			assertThat(v.available()).isEqualTo(5);
		});
		assertThat(as(shop, () -> catalog.search("TENUGUI"))).extracting(Product::id).containsExactly(id);
		assertThat(as(shop, () -> catalog.search("手ぬぐい"))).extracting(Product::id).containsExactly(id);
		assertThat(as(shop, () -> catalog.search("100%"))).as("%% is a letter here").extracting(Product::id).containsExactly(id);
		assertThat(as(shop, () -> catalog.search("%"))).as("not a wildcard").extracting(Product::id).containsExactly(id);
		assertThat(as(shop, () -> catalog.search("_'; DROP TABLE catalog.product; --"))).isEmpty();
		assertThat(as(shop, () -> catalog.findPublishedByHandle("../../etc/passwd"))).isEmpty();

		as(shop, () -> catalog.unpublish(id, "owner"));
		assertThat(as(shop, () -> catalog.findPublishedByHandle(handle))).isEmpty();
		assertThat(auditedTypes(shop)).contains("PRODUCT_CREATED", "VARIANT_ADDED", "PRODUCT_PUBLISHED", "PRODUCT_UNPUBLISHED");
	}

	@Test
	void categoriesListTheirPublishedProductsInPages() {
		long tableware = as(shop, () -> catalog.createCategory(Category.of(new Handle("tableware"), "器と食卓", 10), "owner"));
		as(shop, () -> catalog.createCategory(Category.of(new Handle("tea"), "お茶", 20), "owner"));
		List<ProductId> published = new ArrayList<>();
		for (int i = 0; i < ProductPage.SIZE + 2; i++) {
			ProductId id = CatalogFixtures.publishedProduct(catalog, shop, "皿 " + (100 + i), 1650, 3).productId();
			as(shop, () -> catalog.placeInCategories(id, Set.of(tableware), "owner"));
			published.add(id);
		}
		Variant draft = CatalogFixtures.publishedProduct(catalog, shop, "皿 000 下書き", 1650, 3);
		as(shop, () -> catalog.placeInCategories(draft.productId(), Set.of(tableware), "owner"));
		as(shop, () -> catalog.unpublish(draft.productId(), "owner"));

		ProductPage first = as(shop, () -> catalog.listPublishedInCategory("tableware", 1));
		ProductPage second = as(shop, () -> catalog.listPublishedInCategory("tableware", 2));

		assertThat(first.products()).hasSize(ProductPage.SIZE);
		assertThat(first.hasNext()).isTrue();
		assertThat(second.products()).hasSize(2);
		assertThat(second.hasNext()).isFalse();
		assertThat(first.products().get(0).title()).isEqualTo("皿 100");
		assertThat(as(shop, () -> catalog.listPublishedInCategory("tea", 1)).products()).isEmpty();
		assertThat(as(shop, () -> catalog.listPublishedInCategory("no-such", 1)).products()).isEmpty();
		assertThat(as(shop, () -> catalog.categories())).extracting(c -> c.handle().value()).containsExactly("tableware", "tea");
		assertThat(as(shop, () -> catalog.categoriesOf(published.get(0)))).containsExactly(tableware);
	}

	@Test
	void badInputIsRefusedWithASpecificMessageInBothLanguages() {
		assertRefused(() -> new Quantity(0), "数量は1以上にしてください。", "The quantity must be at least 1.");
		assertRefused(() -> new Quantity(-3), "数量は1以上にしてください。", "The quantity must be at least 1.");
		assertRefused(() -> new Quantity(10_000), "数量は9,999以下にしてください。", "The quantity must be at most 9,999.");
		assertRefused(() -> Quantity.parse("99999999999"), "数量は9,999以下", "at most 9,999");
		assertRefused(() -> Quantity.parse("三"), "数量は半角数字", "quantity as digits");
		assertRefused(() -> variant(0), "価格は1円以上にしてください。", "The price must be at least 1 yen.");
		assertRefused(() -> variant(-100), "価格は1円以上", "at least 1 yen");
		assertRefused(() -> variant(10_000_001), "価格は10,000,000円以下にしてください。", "The price must be at most 10,000,000 yen.");
		assertRefused(() -> new Handle("Tenugui Ai"), "半角の英小文字・数字・ハイフン", "only lower-case letters, digits and hyphens");
		assertRefused(() -> new Handle("-tenugui"), "英小文字か数字で始めて", "must start with a letter or digit");
		assertRefused(() -> new Handle(""), "ハンドル）を入力してください", "Enter the name used in the URL");
		assertRefused(() -> new ProductDetails(new Handle("ok"), "   ", "", TaxClass.REDUCED), "名前を入力してください。",
				"Enter a name.");
		assertRefused(() -> new ProductDetails(new Handle("ok"), "長".repeat(201), "", TaxClass.REDUCED), "名前は200文字以内",
				"at most 200 characters");
		assertRefused(() -> new ProductDetails(new Handle("ok"), "お茶", "", null), "税区分", "tax class");
		assertRefused(() -> new VariantDetails("SKU 1", List.of(), 100, 1), "SKU（品番）は半角", "A SKU may contain only");
		assertRefused(() -> new VariantDetails("SKU-1", List.of(), 100, -1), "在庫数は0以上", "The stock must be 0 or more.");
		assertRefused(() -> new VariantOption("サイズ", ""), "項目名（例: サイズ）と値", "both a name");
		assertRefused(() -> as(shop, () -> catalog.search("検".repeat(101))), "検索語は100文字以内", "at most 100 characters");
	}

	@Test
	void aHandleOrSkuIsUniqueWithinAShopOnly() {
		ProductDetails details = new ProductDetails(new Handle("uji-sencha"), "宇治煎茶", "", TaxClass.REDUCED);
		ProductId mine = as(shop, () -> catalog.createProduct(details, "owner"));
		as(shop, () -> catalog.addVariant(mine, new VariantDetails("SENCHA-100", List.of(), 1080, 1), "owner"));

		assertRefused(() -> as(shop, () -> catalog.createProduct(details, "owner")), "すでに使われています", "already used");
		assertRefused(() -> as(shop, () -> catalog.addVariant(mine, new VariantDetails("SENCHA-100", List.of(), 1, 1), "owner")),
				"このSKU（品番）はすでに", "This SKU is already used");
		ProductId theirs = as(otherShop, () -> catalog.createProduct(details, "owner"));
		as(otherShop, () -> catalog.addVariant(theirs, new VariantDetails("SENCHA-100", List.of(), 1080, 1), "owner"));
	}

	@Test
	void anotherShopCannotSeeOrChangeTheProducts() {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "Secret Blend 非公開の茶", 2000, 4);
		Product product = as(shop, () -> catalog.find(variant.productId())).orElseThrow();

		assertThat(as(otherShop, () -> catalog.find(product.id()))).isEmpty();
		assertThat(as(otherShop, () -> catalog.findPublishedByHandle(product.handle().value()))).isEmpty();
		assertThat(as(otherShop, () -> catalog.search("Secret Blend"))).isEmpty();
		assertThat(as(otherShop, () -> catalog.list(1).products())).extracting(Product::id).doesNotContain(product.id());
		assertThat(as(otherShop, () -> catalog.reserve(variant.id(), new Quantity(1)))).isFalse();
		assertRefused(() -> as(otherShop, () -> {
			catalog.publish(product.id(), "intruder");
			return null;
		}), "見つかりません", "No such product");
		assertRefused(() -> as(otherShop, () -> {
			catalog.updateVariant(variant.id(), new VariantDetails("X-1", List.of(), 1, 0), "intruder");
			return null;
		}), "見つかりません", "No such product");
		assertThat(as(shop, () -> catalog.find(product.id())).orElseThrow().variants().get(0).priceYen()).isEqualTo(2000);
	}

	private void assertRefused(ThrowingCallable attempt, String japanese, String english) {
		CatalogException refused = catchThrowableOfType(CatalogException.class, attempt);
		assertThat(refused).as("refused").isNotNull();
		assertThat(messages.getMessage(refused, Locale.JAPANESE)).contains(japanese);
		assertThat(messages.getMessage(refused, Locale.ENGLISH)).contains(english);
	}

	private static VariantDetails variant(long priceYen) {
		return new VariantDetails("SKU-1", List.of(), priceYen, 1);
	}

	private static <T> T as(Shop shop, Supplier<T> work) {
		return TenantContext.callAs(shop.id(), work);
	}

	private static void as(Shop shop, Runnable work) {
		TenantContext.runAs(shop.id(), work);
	}

	private List<String> auditedTypes(Shop shop) {
		List<String> types = new ArrayList<>();
		try (Connection crossShop = Databases.asCrossShopRole(environment); PreparedStatement query = crossShop
			.prepareStatement("SELECT type || ':' || type_code FROM audit.audit_event WHERE shop_id = ? ORDER BY id")) {
			query.setLong(1, shop.id().value());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					types.add(rows.getString(1).substring(0, rows.getString(1).indexOf(':')));
					assertThat(Integer.parseInt(rows.getString(1).substring(rows.getString(1).indexOf(':') + 1)))
						.isBetween(100, 599);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return types;
	}

}
