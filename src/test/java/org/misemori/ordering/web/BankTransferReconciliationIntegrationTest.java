package org.misemori.ordering.web;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.identity.staff.StaffSignIn;
import org.misemori.notify.Mails;
import org.misemori.ordering.Checkout;
import org.misemori.ordering.OrderFixtures;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderSearch;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.OrderSummary;
import org.misemori.ordering.Orders;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 入金照合 over real HTTP with a Shift_JIS deposit file: a deposit naming its order, one matching
 * nothing, one that two orders of the same amount and buyer could take, and a malformed line,
 * each listed with its line; confirming marks exactly the matched order paid (audited once),
 * and the same file again marks nothing twice. Staff without the ORDERS permission get nowhere.
 */
@MisemoriIntegrationTest
class BankTransferReconciliationIntegrationTest {

	private static final Charset SJIS = Charset.forName("windows-31j");

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	private static final Pattern ROW = Pattern.compile(
			"<tr data-line=\"(\\d+)\" data-outcome=\"([A-Z_]+)\">.*?<td class=\"result\">([^<]*)</td>", Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Catalog catalog;

	@Autowired
	Checkout checkout;

	@Autowired
	Orders orders;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	Shop shop;

	TestBrowser clerk;

	@BeforeEach
	void aShopWithAClerk() throws Exception {
		shop = ShopFixtures.zakkaShop(administration);
		StaffFixtures.add(environment, vault, shop, "keiri", "keiri@zakka.example.jp", false,
				passwords.encode(OperatorFixtures.PASSPHRASE), StaffPermission.ORDERS);
		clerk = StaffSignIn.signIn(port, shop, "keiri").browser();
	}

	@Test
	void eachDepositIsListedByLineAndConfirmingPaysExactlyTheMatchedOrderOnce() throws Exception {
		Variant bowl = CatalogFixtures.publishedProduct(catalog, shop, "益子焼の鉢", 4_400, 10);
		Variant cup = CatalogFixtures.publishedProduct(catalog, shop, "湯呑み", 2_200, 10);
		OrderId named = OrderFixtures.guestOrder(checkout, shop, Mails.uniqueRecipient("example.jp"), "BANK_TRANSFER", bowl, 1);
		OrderId twinA = OrderFixtures.guestOrder(checkout, shop, Mails.uniqueRecipient("example.jp"), "BANK_TRANSFER", cup, 1);
		OrderId twinB = OrderFixtures.guestOrder(checkout, shop, Mails.uniqueRecipient("example.jp"), "BANK_TRANSFER", cup, 1);
		long namedTotal = summary(named).total();
		long twinTotal = summary(twinA).total();
		assertThat(summary(twinB).total()).isEqualTo(twinTotal);

		String file = "日付,金額,振込依頼人名\r\n"
				+ "2026/11/20," + namedTotal + "," + named.number() + " ｻﾄｳ ｲﾁﾛｳ\r\n"
				+ "2026/11/20,12345,ﾀﾅｶ ｼﾞﾛｳ\r\n"
				+ "2026/11/21,\"" + String.format("%,d", twinTotal) + "\",ｻﾄｳ ｲﾁﾛｳ\r\n"
				+ "2026/11/21,9900\r\n";
		HttpResponse<String> preview = upload(file.getBytes(SJIS));

		assertThat(rows(preview)).containsExactly(
				"2 MATCHED_BY_NUMBER ご注文 " + named.number() + "（注文番号と金額が一致）",
				"3 UNMATCHED 該当するご注文がありません",
				"4 AMBIGUOUS 候補が複数あります（" + twinA.number() + ", " + twinB.number() + "）。ご注文画面で手動で入金済みにしてください",
				"5 MALFORMED 読み取れません: 5行目: セルが 2 個あります（見出し行は 3 個）。");
		assertThat(preview.body()).contains("1件のご注文を入金済みにする", "ﾀﾅｶ ｼﾞﾛｳ");
		assertThat(status(named)).as("nothing changes before confirming").isEqualTo(OrderStatus.RECEIVED);

		String token = TestBrowser.find(TOKEN, preview);
		HttpResponse<String> done = clerk.post("/admin/orders/transfers/confirm", Map.of("token", token));
		assertThat(TestBrowser.location(done)).endsWith("/admin/orders/transfers?paid=1");
		assertThat(status(named)).isEqualTo(OrderStatus.PAID);
		assertThat(status(twinA)).isEqualTo(OrderStatus.RECEIVED);
		assertThat(status(twinB)).isEqualTo(OrderStatus.RECEIVED);
		assertThat(audit(707)).containsExactly("paid=1 orders=[" + named.number() + "] encoding=Windows-31J");
		assertThat(audit(600)).singleElement().asString().contains("order=" + named.value(), "to=PAID");
		assertThat(clerk.post("/admin/orders/transfers/confirm", Map.of("token", token)).body())
			.as("the kept file went with its confirmation").contains("もう一度アップロードしてください");

		HttpResponse<String> again = upload(file.getBytes(SJIS));
		assertThat(rows(again)).first().isEqualTo("2 UNMATCHED 該当するご注文がありません");
		assertThat(again.body()).doesNotContain("name=\"token\"").contains("入金済みにできるご注文はありません。");
		assertThat(audit(707)).hasSize(1);
		assertThat(audit(600)).hasSize(1);
	}

	@Test
	void aFileWithTheWrongHeaderIsRefusedWholeWithItsLine() throws Exception {
		HttpResponse<String> preview = upload("日付,入金額,振込依頼人名\r\n2026/11/20,1000,ﾔﾏﾀﾞ ﾊﾅｺ\r\n".getBytes(SJIS));
		assertThat(preview.body()).contains("入金額").doesNotContain("name=\"token\"").doesNotContain("data-line=");
	}

	@Test
	void staffWithoutTheOrdersPermissionCannotReconcile() throws Exception {
		StaffFixtures.add(environment, vault, shop, "shiire", "shiire@zakka.example.jp", false,
				passwords.encode(OperatorFixtures.PASSPHRASE), StaffPermission.PRODUCTS);
		TestBrowser buyer = StaffSignIn.signIn(port, shop, "shiire").browser();
		assertThat(buyer.get("/admin/orders/transfers").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> upload(byte[] file) throws Exception {
		clerk.get("/admin/orders/transfers");
		HttpResponse<String> preview = clerk.postCsv("/admin/orders/transfers", "deposits.csv", file,
				new LinkedHashMap<>(Map.of("encoding", "shift_jis")));
		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		return preview;
	}

	private static List<String> rows(HttpResponse<String> page) {
		List<String> rows = new ArrayList<>();
		Matcher row = ROW.matcher(page.body());
		while (row.find()) {
			rows.add(row.group(1) + " " + row.group(2) + " " + HtmlUtils.htmlUnescape(row.group(3)));
		}
		return rows;
	}

	private OrderSummary summary(OrderId id) {
		return TenantContext.callAs(shop.id(), () -> orders.list(OrderSearch.everything(), 0))
			.stream()
			.filter(order -> order.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private OrderStatus status(OrderId id) {
		return summary(id).status();
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

}
