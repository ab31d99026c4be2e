package org.misemori.catalog.web;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Category;
import org.misemori.catalog.Handle;
import org.misemori.catalog.Product;
import org.misemori.catalog.TaxClass;
import org.misemori.catalog.Variant;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.identity.staff.StaffSignIn;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product CSV over real HTTP: upload (multipart, CSRF) → preview with every error by line
 * and column → confirm, all in one transaction or nothing; UTF-8 with a BOM and Shift_JIS;
 * export → import round trip; the size limit.
 */
@MisemoriIntegrationTest
class ProductCsvImportIntegrationTest {

	private static final Charset SJIS = Charset.forName("windows-31j");

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	private static final String HEADER = "ハンドル,商品名,説明,税率,公開状態,カテゴリ,SKU,オプション1名,オプション1値,オプション2名,オプション2値,"
			+ "オプション3名,オプション3値,価格（税込）,在庫数\r\n";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Catalog catalog;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	Shop shop;

	TestBrowser buyer;

	String tea;

	@BeforeEach
	void shopWithABuyer() throws Exception {
		shop = ShopFixtures.zakkaShop(administration);
		StaffFixtures.add(environment, vault, shop, "buyer", "buyer@zakka.example.jp", false,
				passwords.encode(OperatorFixtures.PASSPHRASE), StaffPermission.PRODUCTS);
		buyer = StaffSignIn.signIn(port, shop, "buyer").browser();
		tea = "tea-" + CatalogFixtures.suffix();
		TenantContext.runAs(shop.id(), () -> catalog.createCategory(Category.of(new Handle(tea), "お茶", 1), "test"));
	}

	@Test
	void errorsAreListedByPhysicalLineAndNothingOfAFileWithABadRowIsImported() throws Exception {
		String good = "sencha-" + CatalogFixtures.suffix();
		String file = HEADER + good + ",煎茶,\"一番茶。\r\n香りが良い。\r\n急須で。\",8,公開," + tea + ",S-" + good + ",容量,100g,,,,,1620,12\r\n"
				+ good + ",,,,,,S2-" + good + ",容量,200g,,,,,abc,3\r\n"
				+ "Bad Handle,急須,,10,公開,,K-1,,,,,,,3300,1\r\n"
				+ "kyusu-" + CatalogFixtures.suffix() + ",急須,,9,公開,nothing,K-2,色,,,,,,0,-1\r\n";
		HttpResponse<String> preview = upload(file.getBytes(SJIS), "shift_jis");

		assertThat(errors(preview)).containsExactly("5行目「価格（税込）」列: 価格「abc」は税込の円の整数で書いてください（例: 1650）。",
				"6行目「ハンドル」列: URL用の名前（ハンドル）は半角の英小文字・数字・ハイフン（-）で、英小文字か数字で始めてください（例: tenugui-ai）。",
				"7行目「税率」列: 税率は 10 か 8 で書いてください（standard / reduced も可）。",
				"7行目「カテゴリ」列: カテゴリ「nothing」はありません。先にカテゴリを作ってください（ハンドルを空白で区切って書きます）。",
				"7行目「在庫数」列: 在庫数「-1」は 0 以上の整数で書いてください。",
				"7行目「オプション1値」列: オプションは項目名（例: サイズ）と値（例: M）の両方を入力してください。");
		assertThat(preview.body()).doesNotContain("name=\"token\"").contains("一番茶。");
		TenantContext.runAs(shop.id(), () -> assertThat(catalog.findByHandle(new Handle(good))).isEmpty());
	}

	@Test
	void aGoodUtf8FileWithAByteOrderMarkImportsInOneGoAndIsAudited() throws Exception {
		String handle = "hojicha-" + CatalogFixtures.suffix();
		String file = "\uFEFF" + HEADER + handle + ",ほうじ茶〜焙煎,\"=HYPERLINK(\"\"x\"\")\",8,公開," + tea + ",H-" + handle
				+ ",容量,100g,,,,,\"1,080\",20\r\n" + handle + ",,,,,,H2-" + handle + ",容量,200g,,,,,１９４４,0\r\n";
		String token = TestBrowser.find(TOKEN, upload(file.getBytes(StandardCharsets.UTF_8), "utf-8"));
		HttpResponse<String> done = buyer.post("/admin/products/import/confirm", Map.of("token", token));
		assertThat(TestBrowser.location(done)).endsWith("/admin/products/import?imported=2");

		Product product = TenantContext.callAs(shop.id(), () -> catalog.findByHandle(new Handle(handle))).orElseThrow();
		assertThat(product.title()).isEqualTo("ほうじ茶〜焙煎");
		assertThat(product.description()).isEqualTo("=HYPERLINK(\"x\")");
		assertThat(product.taxClass()).isEqualTo(TaxClass.REDUCED);
		assertThat(product.published()).isTrue();
		assertThat(product.variants()).extracting(Variant::priceYen, Variant::onHand)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1080L, 20), org.assertj.core.groups.Tuple.tuple(1944L, 0));
		assertThat(audit(551)).singleElement().asString().contains("products=1 created=1 variants=2 format=csv/UTF-8");
		// The token was single-use: the kept file is gone.
		assertThat(buyer.post("/admin/products/import/confirm", Map.of("token", token)).body())
			.contains("もう一度アップロードしてください");
		assertThat(keptUploads()).isZero();
	}

	@Test
	void aRowThatFailsAtConfirmRollsBackTheWholeFile() throws Exception {
		Variant taken = CatalogFixtures.publishedProduct(catalog, shop, "既存の商品", 500, 1);
		String first = "first-" + CatalogFixtures.suffix();
		String file = HEADER + first + ",先の商品,,10,公開,,F-" + first + ",,,,,,,1000,1\r\n"
				+ "second-" + CatalogFixtures.suffix() + ",後の商品,,10,公開,," + taken.sku() + ",,,,,,,2000,1\r\n";
		String token = TestBrowser.find(TOKEN, upload(file.getBytes(SJIS), "shift_jis"));
		HttpResponse<String> failed = buyer.post("/admin/products/import/confirm", Map.of("token", token));

		assertThat(failed.statusCode()).isEqualTo(200);
		assertThat(failed.body()).contains("取り込めませんでした。何も登録されていません: 3行目「SKU」列:");
		TenantContext.runAs(shop.id(), () -> assertThat(catalog.findByHandle(new Handle(first))).isEmpty());
		assertThat(audit(551)).isEmpty();
	}

	@Test
	void theExportImportsBackUnchangedInBothEncodings() throws Exception {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "南部鉄器 〜 急須 ‐ 黒", 8800, 3);
		for (String encoding : List.of("shift_jis", "utf-8")) {
			HttpResponse<byte[]> export = buyer.download("/admin/products/export.csv?encoding=" + encoding);
			assertThat(export.statusCode()).isEqualTo(200);
			assertThat(export.headers().firstValue("Content-Type").orElseThrow())
				.containsIgnoringCase(encoding.equals("utf-8") ? "UTF-8" : "windows-31j");
			String text = new String(export.body(), encoding.equals("utf-8") ? StandardCharsets.UTF_8 : SJIS);
			assertThat(text).startsWith(encoding.equals("utf-8") ? "\uFEFF# exported by " : "# exported by ")
				.contains("南部鉄器 ～ 急須 ‐ 黒".replace('～', encoding.equals("utf-8") ? '〜' : '～'), variant.sku());
			buyer.get("/admin/products/import");
			String token = TestBrowser.find(TOKEN, upload(export.body(), encoding));
			assertThat(TestBrowser.location(buyer.post("/admin/products/import/confirm", Map.of("token", token))))
				.contains("imported=");
		}
		Product product = TenantContext.callAs(shop.id(), () -> catalog.findByHandle(
				catalog.findPublishedByVariant(variant.id()).orElseThrow().handle())).orElseThrow();
		assertThat(product.title()).isEqualTo("南部鉄器 〜 急須 ‐ 黒");
		assertThat(product.variants()).singleElement().extracting(Variant::priceYen).isEqualTo(8800L);
		assertThat(audit(552)).hasSize(2);
	}

	@Test
	void anOversizeFileIsRefusedWithItsLimit() throws Exception {
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		HttpResponse<String> refused = upload(big, "utf-8");
		assertThat(errors(refused)).containsExactly("ファイルが大きすぎます（10 MB まで）。");
		assertThat(refused.body()).doesNotContain("name=\"token\"");
	}

	private HttpResponse<String> upload(byte[] file, String encoding) throws Exception {
		buyer.get("/admin/products/import");
		HttpResponse<String> preview = buyer.postCsv("/admin/products/import", "products.csv", file, Map.of("encoding", encoding));
		assertThat(preview.statusCode()).isEqualTo(200);
		return preview;
	}

	private static List<String> errors(HttpResponse<String> page) {
		List<String> errors = new ArrayList<>();
		var matcher = Pattern.compile("<li class=\"error\">([^<]*)</li>").matcher(page.body());
		while (matcher.find()) {
			errors.add(org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1)));
		}
		return errors;
	}

	private List<String> audit(int code) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection
					.prepareStatement("SELECT detail FROM audit.audit_event WHERE type_code = ? AND shop_id = ? ORDER BY id")) {
			select.setInt(1, code);
			select.setLong(2, shop.id().value());
			List<String> details = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					details.add(rows.getString(1));
				}
			}
			return details;
		}
	}

	private long keptUploads() throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM csv.upload WHERE shop_id = ?")) {
			select.setLong(1, shop.id().value());
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
