package org.misemori.ordering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misemori.BrowserForms;
import org.misemori.Chromium;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.loyalty.OrderRef;
import org.misemori.loyalty.Points;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance walk in headless Chromium on the demo shop: a guest browses, searches,
 * adds two variants and checks out with a delivery slot, and gets the confirmation mail; a
 * member pays with points and a coupon; staff sign in with their second factor and ship the
 * guest's order, and the guest gets the shipping mail with the tracking number.
 */
@MisemoriIntegrationTest
class CommerceBrowserIntegrationTest {

	private static final String PASSWORD = "鉄瓶で沸かした湯で新茶を淹れる";

	private static final String STAFF_PASSPHRASE = "出荷の朝は伝票と段ボールの匂いがする";

	@LocalServerPort
	int port;

	@Autowired
	ShopDirectory shops;

	@Autowired
	MemberAccounts members;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Points points;

	@Autowired
	GreenMail mailServer;

	@Autowired
	Environment environment;

	@TempDir
	Path profile;

	ChromeDriver browser;

	BrowserForms forms;

	Shop demo;

	@BeforeEach
	void openBrowser() {
		browser = Chromium.start(profile, "ja");
		forms = new BrowserForms(browser);
		demo = shops.findByCode("demo").orElseThrow();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aGuestAndAMemberBuyAndStaffShip() throws Exception {
		String guest = Mails.uniqueRecipient("example.jp");
		String number = guestBuysTwoVariants(guest);
		String guestMail = awaitMail(guest, number);
		assertThat(guestMail).contains("南部鉄器", "宇治煎茶", "14〜16時", "代金引換");

		memberPaysWithPointsAndACoupon();

		staffShip(number, "4321-8765-0001");
		String shipped = awaitMail(guest, "4321-8765-0001");
		assertThat(shipped).contains(number, "ヤマト運輸");
	}

	private String guestBuysTwoVariants(String email) throws Exception {
		browser.get(url("/s/demo/"));
		forms.type("q", "煎茶");
		forms.click(By.cssSelector(".site-search button"));
		forms.click(By.cssSelector("main a[href$='/products/uji-sencha']"));
		addToCart("200g", "2");
		browser.get(url("/s/demo/products/nanbu-tetsubin"));
		addToCart("0.8L", "1");
		assertThat(forms.text(".cart-subtotal")).startsWith("¥");
		Chromium.screenshot(browser, "cart");
		forms.click(By.cssSelector(".cart-checkout a"));

		fillBuyer(email);
		new Select(browser.findElement(By.id("deliverySlot"))).selectByVisibleText("14〜16時");
		browser.findElement(By.cssSelector("input[name='payment'][value='CASH_ON_DELIVERY']")).click();
		Chromium.screenshot(browser, "checkout");
		forms.click(By.cssSelector(".checkout-form button[type=submit]"));
		assertThat(forms.text(".checkout-totals")).contains("代引き手数料");
		Chromium.screenshot(browser, "checkout-confirm");
		forms.click(By.cssSelector(".place-order"));
		String number = forms.text(".order-number strong");
		assertThat(number).matches("\\d{8}");
		return number;
	}

	private void memberPaysWithPointsAndACoupon() throws Exception {
		String email = MemberFixtures.activeMember(members, environment, demo, PASSWORD);
		browser.manage().deleteAllCookies();
		browser.get(url("/s/demo/account/login"));
		forms.type("email", email);
		forms.type("password", PASSWORD);
		forms.submit();
		long memberId = newestMember();
		TenantContext.runAs(demo.id(), () -> points.award(memberId, 50_000, new OrderRef(876_543_210L)));

		browser.get(url("/s/demo/products/nanbu-tetsubin"));
		addToCart("1.2L", "1");
		forms.click(By.cssSelector(".cart-checkout a"));
		fillBuyer(email);
		forms.type("couponCode", "welcome10");
		forms.type("points", "200");
		browser.findElement(By.cssSelector("input[name='payment'][value='BANK_TRANSFER']")).click();
		forms.click(By.cssSelector(".checkout-form button[type=submit]"));
		assertThat(forms.text(".checkout-totals")).contains("WELCOME10", "-200");
		forms.click(By.cssSelector(".place-order"));
		String number = forms.text(".order-number strong");
		assertThat(awaitMail(email, number)).contains("WELCOME10", "-200");
		browser.get(url("/s/demo/account/points"));
		assertThat(forms.text(".points-balance")).doesNotContain(": 500");
	}

	private void staffShip(String number, String tracking) throws Exception {
		staff.invite("demo", new NewStaff("shukka" + number.substring(4), "出荷 担当", "shukka@demo.example.jp", false,
				Set.of(StaffPermission.ORDERS), ""), "ops.test");
		browser.manage().deleteAllCookies();
		browser.get(forms.linkOnDevMail(port, Pattern.compile(
				"(http://localhost:\\d+/admin/invitation\\?shop=demo&amp;token=[A-Za-z0-9_-]{43})")));
		forms.type("password", STAFF_PASSPHRASE);
		forms.type("confirmation", STAFF_PASSPHRASE);
		forms.submit();
		browser.get(url("/admin/login"));
		forms.type("shopCode", "demo");
		forms.type("loginId", "shukka" + number.substring(4));
		forms.type("password", STAFF_PASSPHRASE);
		forms.submit();
		forms.waitFor("#totp-secret");
		String secret = browser.findElement(By.id("totp-secret")).getText();
		forms.type("code", TotpFixtures.currentCode(secret));
		forms.submit();
		forms.waitFor("#recovery-codes");
		forms.click(By.id("continue"));

		browser.get(url("/admin/orders/" + number));
		forms.click(By.id("to-PREPARING"));
		new Select(browser.findElement(By.id("carrier"))).selectByValue("YAMATO");
		forms.type("trackingNumber", tracking);
		Chromium.screenshot(browser, "admin-order");
		forms.click(By.id("ship"));
		assertThat(forms.text("#status")).isEqualTo("発送済み");
	}

	private void addToCart(String option, String quantity) {
		new Select(browser.findElement(By.id("variant"))).selectByVisibleText(
				browser.findElements(By.cssSelector("#variant option")).stream()
					.map(o -> o.getText())
					.filter(text -> text.startsWith(option + " "))
					.findFirst()
					.orElseThrow());
		forms.type("quantity", quantity);
		forms.click(By.cssSelector("form[action$='/cart/add'] button"));
	}

	private void fillBuyer(String email) {
		forms.type("name", "鈴木 一郎");
		forms.type("kana", "すずき いちろう");
		forms.type("email", email);
		forms.type("phone", "０９０－１１１１－２２２２");
		forms.type("postalCode", "〒604-8005");
		new Select(browser.findElement(By.id("prefecture"))).selectByVisibleText("京都府");
		forms.type("address", "京都市中京区桜之町1-1");
	}

	private String awaitMail(String recipient, String containing) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> Mails.receivedBy(mailServer, recipient).stream().map(Mails::textOf)
				.filter(text -> text.contains(containing)).toList(), found -> !found.isEmpty())
			.get(0);
	}

	private long newestMember() throws Exception {
		try (var connection = org.misemori.Databases.asSuperuser(environment);
				var query = connection.prepareStatement("SELECT max(id) FROM identity.member_account WHERE shop_id = ?")) {
			query.setLong(1, demo.id().value());
			try (var rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}


}
