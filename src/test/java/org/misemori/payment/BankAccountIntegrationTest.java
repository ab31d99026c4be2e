package org.misemori.payment;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
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
import org.misemori.ordering.CheckoutSteps;
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
import static org.awaitility.Awaitility.await;

/**
 * The shop's 振込先 over real HTTP: each wrong field named in Japanese, a good account saved
 * normalised and audited with before and after; a bank-transfer order's completion page and
 * confirmation mail then give the account, the amount, the day to pay by and the order number
 * for the payer's name, and say the shop will tell the account when none is saved.
 */
@MisemoriIntegrationTest
class BankAccountIntegrationTest {

	private static final Pattern TOTAL = Pattern.compile("お支払い合計（税込）: (¥[0-9,]+)");

	private static final Pattern NUMBER = Pattern.compile("<strong>(\\d{8})</strong>");

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

	@Autowired
	BankAccounts bankAccounts;

	@Autowired
	GreenMail mailServer;

	Shop shop;

	Variant kettle;

	@BeforeEach
	void aShopWithAKettle() {
		shop = ShopFixtures.kissaShop(administration);
		kettle = CheckoutSteps.product(catalog, shop, CatalogFixtures.publishedProduct(catalog, shop, "鉄瓶", 8_800, 5));
	}

	@Test
	void eachWrongFieldIsNamedAndAGoodAccountIsSavedNormalisedAndAudited() throws Exception {
		StaffFixtures.add(environment, vault, shop, "owner", "owner@kissa.example.jp", false,
				passwords.encode(OperatorFixtures.PASSPHRASE), StaffPermission.SETTINGS);
		TestBrowser owner = StaffSignIn.signIn(port, shop, "owner").browser();
		assertThat(owner.get("/admin/settings/payments").body()).contains("銀行振込の振込先", "id=\"holder\"");

		HttpResponse<String> refused = owner.post("/admin/settings/payments/bank-account",
				form("", "渋谷支店", "SAVINGS", "12345", "三瀬森商店"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(errors(refused)).containsExactly("金融機関名を入力してください（例: みせもり銀行）。",
				"口座種別（普通または当座）を選んでください。",
				"口座番号は7桁の数字で入力してください（7桁に満たない場合は先頭に0を付けます。例: 0123456）。",
				"口座名義はカタカナ・英大文字・数字・スペースと ( ) . , - / で、通帳の表記どおりに入力してください（漢字は使えません）。");
		assertThat(refused.body()).as("what was typed is kept").contains("value=\"渋谷支店\"");
		assertThat(TenantContext.callAs(shop.id(), bankAccounts::current)).isEmpty();

		HttpResponse<String> saved = owner.post("/admin/settings/payments/bank-account",
				form("みせもり銀行", "渋谷支店", "ORDINARY", "０１２３４５６", "ｷｯｻｺﾓﾚﾋﾞ(ｶ"));
		assertThat(TestBrowser.location(saved)).endsWith("/admin/settings/payments?bankSaved");
		assertThat(TenantContext.callAs(shop.id(), bankAccounts::current)).contains(
				new BankAccount("みせもり銀行", "渋谷支店", BankAccountType.ORDINARY, "0123456", "キッサコモレビ(カ"));
		owner.post("/admin/settings/payments/bank-account", form("みせもり銀行", "本店", "CHECKING", "7654321", "きっさこもれび"));
		assertThat(audit(706)).containsExactly(
				"before=none after=みせもり銀行/渋谷支店/ORDINARY/0123456/キッサコモレビ(カ",
				"before=みせもり銀行/渋谷支店/ORDINARY/0123456/キッサコモレビ(カ after=みせもり銀行/本店/CHECKING/7654321/キッサコモレビ");
		assertThat(owner.get("/admin/settings/payments").body()).contains("value=\"7654321\"", "value=\"キッサコモレビ\"");
	}

	@Test
	void aBankTransferOrderGivesTheAccountOnTheCompletionPageAndInTheMail() throws Exception {
		TenantContext.runAs(shop.id(), () -> bankAccounts.change(
				new BankAccountForm("みせもり銀行", "渋谷支店", "ORDINARY", "0123456", "キッサコモレビ(カ"), "owner"));
		String email = Mails.uniqueRecipient("example.jp");
		HttpResponse<String> complete = order(email);
		String number = TestBrowser.find(NUMBER, complete);
		String payBy = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(7).toString();
		String total = TestBrowser.find(TOTAL, complete);
		assertThat(HtmlUtils.htmlUnescape(complete.body())).contains("お振込先", "みせもり銀行", "渋谷支店", "普通", "0123456",
				"キッサコモレビ(カ", "<dd>" + total + "</dd>", payBy, "ご依頼人名の前にご注文番号をご入力ください")
			.doesNotContain("別途ご案内");

		String mail = awaitMail(email, number);
		String[] languages = mail.split("----");
		assertThat(languages[0]).contains("下記の口座へ " + total + " を", "（ご注文から7日以内）", "金融機関: みせもり銀行",
				"支店: 渋谷支店", "口座種別: 普通", "口座番号: 0123456", "口座名義: キッサコモレビ(カ",
				"ご依頼人名の前にご注文番号をご入力ください（例: " + number + " ヤマダ ハナコ）")
			.doesNotContain("別途ご案内");
		assertThat(languages[1]).contains("Please transfer " + total, "by " + payBy, "within 7 days", "Account number: 0123456",
				"Account type: Ordinary", "put the order number before your name");
	}

	@Test
	void withoutASavedAccountTheShopperIsToldTheShopWillSendIt() throws Exception {
		String email = Mails.uniqueRecipient("example.jp");
		HttpResponse<String> complete = order(email);
		String number = TestBrowser.find(NUMBER, complete);
		assertThat(complete.body()).contains("お振込先はショップよりメールで別途ご案内します。").doesNotContain("口座番号");
		String mail = awaitMail(email, number);
		assertThat(mail).contains("お振込先はショップより別途ご案内します。", "The shop will send you its bank account details.")
			.doesNotContain("口座番号");
	}

	private HttpResponse<String> order(String email) throws Exception {
		String base = "/s/" + shop.code().value();
		TestBrowser browser = new TestBrowser(port);
		CheckoutSteps.addToCart(browser, base, kettle, 1);
		HttpResponse<String> confirmation = CheckoutSteps.confirm(browser, base, CheckoutSteps.guestForm(email));
		HttpResponse<String> placed = CheckoutSteps.place(browser, base, confirmation);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
		HttpResponse<String> complete = browser.get(TestBrowser.location(placed));
		assertThat(complete.statusCode()).isEqualTo(200);
		return complete;
	}

	private String awaitMail(String email, String number) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, email).stream().map(Mails::textOf).filter(t -> t.contains(number)).toList(),
					found -> !found.isEmpty())
			.get(0);
	}

	private static Map<String, String> form(String bank, String branch, String type, String number, String holder) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("bankName", bank);
		form.put("branchName", branch);
		form.put("type", type);
		form.put("number", number);
		form.put("holder", holder);
		return form;
	}

	private static List<String> errors(HttpResponse<String> page) {
		List<String> errors = new ArrayList<>();
		var matcher = Pattern.compile("<li class=\"error\" data-field=\"[a-zA-Z]+\">([^<]*)</li>").matcher(page.body());
		while (matcher.find()) {
			errors.add(HtmlUtils.htmlUnescape(matcher.group(1)));
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

}
