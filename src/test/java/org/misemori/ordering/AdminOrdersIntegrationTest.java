package org.misemori.ordering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Variant;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 受注管理 for staff: the list (masked), one order (opened on record), each step an order may
 * take and none it may not, the shipping mail with its tracking number, a cancellation that
 * gives the units back, and the audit entries.
 */
@MisemoriIntegrationTest
class AdminOrdersIntegrationTest {

	private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	@Autowired
	Catalog catalog;

	@Autowired
	Checkout checkout;

	@Autowired
	GreenMail mailServer;

	Shop shop;

	Variant bowl;

	@BeforeEach
	void aShopWithStaff() throws SQLException {
		shop = ShopFixtures.zakkaShop(administration);
		StaffFixtures.add(environment, vault, shop, "shukka", "shukka@zakka.example.jp", false, HASH, StaffPermission.ORDERS);
		StaffFixtures.add(environment, vault, shop, "shiire", "shiire@zakka.example.jp", false, HASH,
				StaffPermission.PRODUCTS);
		bowl = CatalogFixtures.publishedProduct(catalog, shop, "益子焼の鉢", 4_400, 10);
	}

	@Test
	void staffPayPrepareAndShipAnOrderAndTheShopperGetsTheTrackingNumber() throws Exception {
		String email = Mails.uniqueRecipient("example.jp");
		OrderId order = OrderFixtures.guestOrder(checkout, shop, email, "BANK_TRANSFER", bowl, 2);

		mvc.perform(get("/admin/orders").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(order.number()), containsString("佐＊＊＊＊"),
					not(containsString("佐藤 一郎")))));
		mvc.perform(get("/admin/orders/" + order.number()).with(clerk()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("佐藤 一郎"), containsString(email),
					containsString("大阪市北区梅田1-1"), containsString("¥8,800"))));
		assertThat(reads("order handling")).isEqualTo(1);

		mvc.perform(post("/admin/orders/" + order.number() + "/ship").param("carrier", "YAMATO")
			.param("trackingNumber", "1234-5678-9012").with(csrf()).with(clerk()))
			.andExpect(flash().attribute("errorKey", "ordering.status.notAllowed"));
		move(order, "PAID");
		move(order, "PREPARING");
		mvc.perform(post("/admin/orders/" + order.number() + "/ship").param("carrier", "YAMATO")
			.param("trackingNumber", "１２３４-５６７８-９０１２").with(csrf()).with(clerk()))
			.andExpect(flash().attribute("done", true));

		String mail = await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, email).stream().map(Mails::textOf).filter(t -> t.contains("発送しました")).toList(),
					found -> !found.isEmpty())
			.get(0);
		assertThat(mail).contains(order.number(), "1234-5678-9012", "ヤマト運輸",
				"https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=1234-5678-9012", "has shipped");
		assertThat(onHand()).as("shipped units leave stock").isEqualTo(8);
		assertThat(auditDetails(601)).singleElement().asString().contains("order=" + order.value(), "tracking=1234-5678-9012");
		assertThat(auditDetails(600)).hasSize(2);

		mvc.perform(post("/admin/orders/" + order.number() + "/cancel").with(csrf()).with(clerk()))
			.andExpect(flash().attribute("errorKey", "ordering.status.notAllowed"));
		move(order, "DELIVERED");
		mvc.perform(get("/admin/orders/" + order.number()).with(clerk()))
			.andExpect(content().string(allOf(containsString("配達完了"), containsString("1234-5678-9012"))));
	}

	@Test
	void aCancelledOrderGivesItsUnitsBackAndTheShopperIsTold() throws Exception {
		String email = Mails.uniqueRecipient("example.jp");
		OrderId order = OrderFixtures.guestOrder(checkout, shop, email, "CASH_ON_DELIVERY", bowl, 3);
		assertThat(available()).isEqualTo(7);
		mvc.perform(post("/admin/orders/" + order.number() + "/cancel").with(csrf()).with(clerk()))
			.andExpect(flash().attribute("done", true));
		assertThat(available()).isEqualTo(10);
		assertThat(onHand()).isEqualTo(10);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, email).stream().map(Mails::textOf).anyMatch(t -> t.contains("キャンセル")));
		assertThat(auditDetails(602)).singleElement().asString().contains("from=RECEIVED", "to=CANCELLED");
		mvc.perform(post("/admin/orders/" + order.number() + "/cancel").with(csrf()).with(clerk()))
			.andExpect(flash().attribute("errorKey", "ordering.status.notAllowed"));
		assertThat(available()).as("cancelling twice gives nothing back twice").isEqualTo(10);
	}

	@Test
	void filtersFindOrdersByStatusNumberAndExactEmail() throws Exception {
		String email = Mails.uniqueRecipient("example.jp");
		OrderId mine = OrderFixtures.guestOrder(checkout, shop, email, "BANK_TRANSFER", bowl, 1);
		OrderId other = OrderFixtures.guestOrder(checkout, shop, Mails.uniqueRecipient("example.jp"), "BANK_TRANSFER", bowl, 1);
		move(other, "PAID");
		mvc.perform(get("/admin/orders").param("email", email.toUpperCase()).with(clerk()))
			.andExpect(content().string(allOf(containsString(mine.number()), not(containsString(other.number())))));
		mvc.perform(get("/admin/orders").param("status", "PAID").with(clerk()))
			.andExpect(content().string(allOf(containsString(other.number()), not(containsString(">" + mine.number() + "<")))));
		mvc.perform(get("/admin/orders").param("number", Long.toString(mine.value())).with(clerk()))
			.andExpect(content().string(allOf(containsString(mine.number()), not(containsString(other.number())))));
		mvc.perform(get("/admin/orders").param("from", "2026-13-01").with(clerk()))
			.andExpect(content().string(containsString("YYYY-MM-DD")));
	}

	@Test
	void staffWithoutTheOrdersPermissionAndOtherShopsSeeNothing() throws Exception {
		OrderId order = OrderFixtures.guestOrder(checkout, shop, Mails.uniqueRecipient("example.jp"), "BANK_TRANSFER", bowl, 1);
		mvc.perform(get("/admin/orders/" + order.number()).with(StaffFixtures.signedIn(staff, shop, "shiire")))
			.andExpect(status().isForbidden());
		Shop other = ShopFixtures.kissaShop(administration);
		StaffFixtures.add(environment, vault, other, "shukka", "shukka@kissa.example.jp", false, HASH, StaffPermission.ORDERS);
		mvc.perform(get("/admin/orders/" + order.number()).with(StaffFixtures.signedIn(staff, other, "shukka")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/orders/" + order.number() + "/cancel").with(csrf())
			.with(StaffFixtures.signedIn(staff, other, "shukka"))).andExpect(flash().attribute("errorKey", "ordering.order.unknown"));
		assertThat(available()).isEqualTo(9);
	}

	@Test
	void deliverySlipsNeedAFreshSecondFactorAndCarryThePreparedOrdersInShiftJis() throws Exception {
		OrderId cod = OrderFixtures.guestOrder(checkout, shop, Mails.uniqueRecipient("example.jp"), "CASH_ON_DELIVERY", bowl, 1);
		OrderId waiting = OrderFixtures.guestOrder(checkout, shop, Mails.uniqueRecipient("example.jp"), "BANK_TRANSFER", bowl, 1);
		move(cod, "PREPARING");

		mvc.perform(get("/admin/orders/slips.csv").param("carrier", "YAMATO")
			.with(StaffFixtures.signedIn(staff, shop, "shukka", java.time.Instant.now().minus(Duration.ofHours(1)))))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/admin/2fa?stepup"));
		assertThat(auditDetails(531)).isEmpty();

		byte[] file = mvc.perform(get("/admin/orders/slips.csv").param("carrier", "YAMATO").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Type", containsString("windows-31j")))
			.andReturn().getResponse().getContentAsByteArray();
		String text = new String(file, java.nio.charset.Charset.forName("windows-31j"));
		assertThat(text).contains(cod.number(), "佐藤 一郎", "530-0001", "大阪府大阪市北区梅田1-1", "益子焼の鉢")
			.doesNotContain(waiting.number());
		assertThat(auditDetails(531)).singleElement().asString().contains("YAMATO", "slips=1", cod.number());
		assertThat(reads("delivery slips")).isEqualTo(1);
	}

	@Test
	void theOrdersCsvNeedsExportAndAFreshFactorAndCarriesAWatermark() throws Exception {
		StaffFixtures.add(environment, vault, shop, "keiri", "keiri@zakka.example.jp", false, HASH, StaffPermission.EXPORT,
				StaffPermission.ORDERS);
		StaffFixtures.add(environment, vault, shop, "export-only", "exp@zakka.example.jp", false, HASH,
				StaffPermission.EXPORT);
		OrderId order = OrderFixtures.guestOrder(checkout, shop, "csv-buyer@example.jp", "CASH_ON_DELIVERY", bowl, 2);

		mvc.perform(get("/admin/export/orders.csv").with(StaffFixtures.signedIn(staff, shop, "export-only")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/export/orders.csv").with(clerk())).andExpect(status().isForbidden());
		mvc.perform(get("/admin/export/orders.csv")
			.with(StaffFixtures.signedIn(staff, shop, "keiri", java.time.Instant.now().minus(Duration.ofHours(1)))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/admin/2fa?stepup"));
		assertThat(auditDetails(603)).isEmpty();

		byte[] file = mvc.perform(get("/admin/export/orders.csv").with(StaffFixtures.signedIn(staff, shop, "keiri")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		String text = new String(file, java.nio.charset.Charset.forName("windows-31j"));
		assertThat(text.lines().findFirst().orElseThrow()).startsWith("# ").contains(shop.code() + "/keiri");
		assertThat(text).contains("注文番号,注文日時", order.number(), "佐藤 一郎", "サトウ イチロウ", "csv-buyer@example.jp",
				"530-0001", "大阪府", "益子焼の鉢", "4400,2", "CASH_ON_DELIVERY");
		assertThat(auditDetails(603)).singleElement().asString().contains("orders=1", "lines=1", "Windows-31J");
		assertThat(reads("orders CSV export")).isEqualTo(1);
	}

	private void move(OrderId order, String to) throws Exception {
		mvc.perform(post("/admin/orders/" + order.number() + "/status").param("to", to).with(csrf()).with(clerk()))
			.andExpect(flash().attribute("done", true));
	}

	private RequestPostProcessor clerk() {
		return StaffFixtures.signedIn(staff, shop, "shukka");
	}

	private int available() {
		return TenantContext.callAs(shop.id(), () -> catalog.find(bowl.productId()).orElseThrow().variants().get(0).available());
	}

	private int onHand() {
		return TenantContext.callAs(shop.id(), () -> catalog.find(bowl.productId()).orElseThrow().variants().get(0).onHand());
	}

	private long reads(String purpose) throws SQLException {
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement count = superuser.prepareStatement(
						"SELECT count(*) FROM audit.personal_data_read WHERE shop_id = ? AND purpose = ?")) {
			count.setLong(1, shop.id().value());
			count.setString(2, purpose);
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private List<String> auditDetails(int code) throws SQLException {
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement query = superuser.prepareStatement(
						"SELECT detail FROM audit.audit_event WHERE type_code = ? AND shop_id = ? ORDER BY id")) {
			query.setInt(1, code);
			query.setLong(2, shop.id().value());
			List<String> details = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					details.add(rows.getString(1));
				}
			}
			return details;
		}
	}

}
