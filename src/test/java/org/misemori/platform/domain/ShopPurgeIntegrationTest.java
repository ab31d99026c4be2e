package org.misemori.platform.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.Category;
import org.misemori.catalog.Handle;
import org.misemori.catalog.Variant;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.vault.FieldRef;
import org.misemori.vault.KeyEncryptionKey;
import org.misemori.vault.internal.RemainingKeys;
import org.misemori.vault.PersonalDataReader;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * GEO's closed shop still held a million orders. Here a closed shop past its retention keeps
 * no row in any table that has a shop_id column (whoever adds a table later is held to it by
 * this test), and its keys are gone, so what was encrypted for it stays unreadable.
 */
@MisemoriIntegrationTest
class ShopPurgeIntegrationTest {

	private static final String PASSWORD = "はなの雑貨で春を待つ";

	private static final FieldRef NAME = FieldRef.of("identity.member_account", "name", 1);

	/**
	 * The audit log and the record of personal-data reads are the record of what happened, the
	 * purge included; they hold ids and principals, not the data, and they stay.
	 */
	private static final List<String> KEPT = List.of("audit.audit_event", "audit.personal_data_read");

	@Autowired
	ShopAdministration administration;

	@Autowired
	ShopPurge purge;

	@Autowired
	ShopVault vault;

	@Autowired
	MockMvc mvc;

	@Autowired
	KeyEncryptionKey kek;

	@Autowired
	PersonalDataReader reader;

	@Autowired
	MemberAccounts members;

	@Autowired
	Environment environment;

	@Autowired
	Catalog catalog;

	@Autowired
	org.misemori.ordering.Checkout checkout;

	@Autowired
	org.misemori.payment.Payments payments;

	@Autowired
	org.misemori.payment.BankAccounts bankAccounts;

	@Autowired
	org.misemori.identity.member.MemberProfiles profiles;

	@Autowired
	org.misemori.identity.MemberAddresses addresses;

	@Test
	void aShopPastItsRetentionKeepsNoRowAndNoKey() throws Exception {
		Shop closing = ShopFixtures.kissaShop(administration);
		Shop staying = ShopFixtures.zakkaShop(administration);
		MemberFixtures.activeMember(members, environment, closing, PASSWORD);
		MemberFixtures.activeMember(members, environment, staying, PASSWORD);
		byte[] sealed = vault.encrypt(closing.id(), NAME, "山田 花子");
		vault.encrypt(staying.id(), NAME, "佐藤 一郎");
		aCategorisedProduct(closing);
		aCategorisedProduct(staying);
		aSavedDeliveryAddress(closing);
		aCardOrderAndPaymentSettings(closing);
		assertThat(rowsOf(closing.id().value())).as("the shop had data to lose").containsKeys("identity.member_account",
				"identity.member_delivery_address", "ordering.shop_order", "payment.order_payment",
				"payment.shop_payment_settings", "payment.shop_bank_account",
				"vault.shop_keyset", "notify.outbox_mail", "platform.shop_profile", "catalog.product", "catalog.variant",
				"catalog.category", "catalog.product_category");

		administration.closeShop(closing.code().value(), 0);
		assertThat(purge.purgeDue()).isGreaterThanOrEqualTo(1);

		assertThat(rowsOf(closing.id().value())).as("rows left of the purged shop").isEmpty();
		assertThat(rowsOf(staying.id().value())).containsKeys("identity.member_account", "vault.shop_keyset",
				"catalog.variant");
		assertThat(statusOf(closing)).isEqualTo("PURGED");
		assertThatThrownBy(() -> reader.open(closing.id(), "MEMBER", "purge test").field(NAME, sealed)).as("no key is ever made again for it")
			.rootCause()
			.hasMessageContaining("is purged: its keys were destroyed");
		assertThat(reader.open(staying.id(), "MEMBER", "purge test").field(NAME, vault.encrypt(staying.id(), NAME, "x"))).isEqualTo("x");
		assertThat(auditedPurgesOf(closing.id().value())).singleElement().asString().contains("rowsErased=");
		mvc.perform(get("/operator/purges").with(OperatorFixtures.signedInOperator("ops.purge")))
			.andExpect(content().string(containsString("data-shop-id=\"" + closing.id().value() + "\"")))
			.andExpect(content().string(containsString("code=" + closing.code().value())))
			.andExpect(content().string(containsString("identity.member_account=1")));
	}

	/** A card order with its provider payment, the card page chosen and the bank account saved. */
	private void aCardOrderAndPaymentSettings(Shop shop) {
		org.misemori.catalog.Variant kettle = org.misemori.catalog.CatalogFixtures.publishedProduct(catalog, shop, "鉄瓶",
				8_800, 5);
		org.misemori.ordering.OrderId order = org.misemori.ordering.OrderFixtures.guestOrder(checkout, shop,
				"buyer@example.jp", "CARD", kettle, 1);
		org.misemori.payment.ProviderPayment opened = new org.misemori.payment.ProviderPayment("pay_purge" + order.value(), 1,
				org.misemori.payment.PaymentStatus.REQUIRES_PAYMENT, org.misemori.payment.PaymentKind.CARD, 9_600, 0, 0,
				shop.code().value(), "ck-purge", java.util.Optional.empty(), java.util.Optional.empty(),
				java.util.Optional.empty(), java.util.Optional.empty());
		TenantContext.runAs(shop.id(), () -> {
			payments.attach(new org.misemori.payment.OpenedPayment("sandbox", "ses_purge", java.util.Optional.empty(),
					java.util.Optional.empty(), opened), order.value());
			payments.changeCardPage(org.misemori.payment.CardPage.IFRAME, "owner");
			bankAccounts.change(new org.misemori.payment.BankAccountForm("みずほ銀行", "丸の内支店", "ORDINARY", "1234567",
					"ｷｯｻ ﾊﾅ"), "owner");
		});
	}

	private void aSavedDeliveryAddress(Shop shop) {
		long member = MemberFixtures.memberWithProfile(profiles, shop, org.misemori.notify.Mails.uniqueRecipient("example.jp"),
				"$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash", org.misemori.identity.member.MemberProfile.EMPTY);
		TenantContext.runAs(shop.id(), () -> addresses.add(shop.id(), member, new org.misemori.identity.DeliveryAddress(0,
				"山田 花子", "", "03-1234-5678", "100-0001", "東京都", "千代田区千代田1-1", "")));
	}

	/**
	 * The acceptance: with an old copy of the shop's ciphertext, a copy of the database
	 * after the purge and the master key, none of the keys that remain opens the purged shop's
	 * data (while, as a control, before the purge its own keyset did).
	 */
	@Test
	void noRemainingKeyOpensAPurgedShopsDataEvenWithTheMasterKey() throws Exception {
		Shop closing = ShopFixtures.kissaShop(administration);
		Shop staying = ShopFixtures.zakkaShop(administration);
		FieldRef field = FieldRef.of("identity.member_account", "address", 42);
		byte[] oldBackup = vault.encrypt(closing.id(), field, "東京都千代田区千代田1-1 消える番地");
		vault.encrypt(staying.id(), field, "x");
		try (Connection crossShop = Databases.asCrossShopRole(environment)) {
			assertThat(RemainingKeys.thatOpen(crossShop, kek, closing.id(), field, oldBackup)).as("control").isEqualTo(1);
		}

		administration.closeShop(closing.code().value(), 0);
		purge.purgeDue();

		try (Connection crossShop = Databases.asCrossShopRole(environment)) {
			assertThat(RemainingKeys.thatOpen(crossShop, kek, closing.id(), field, oldBackup)).isZero();
		}
	}

	/** The fault: a crash in the middle of a purge leaves the shop whole, and the next run purges it. */
	@Test
	void aCrashHalfwayLeavesTheShopWholeAndTheNextRunFinishesIt() throws Exception {
		Shop closing = ShopFixtures.kissaShop(administration);
		MemberFixtures.activeMember(members, environment, closing, PASSWORD);
		vault.encrypt(closing.id(), NAME, "山田 花子");
		Map<String, Long> before = rowsOf(closing.id().value());
		administration.closeShop(closing.code().value(), 0);

		CrashingShopEraser.crashOnceFor(closing.id());
		assertThatThrownBy(purge::purgeDue).hasMessageContaining("simulated crash");
		assertThat(statusOf(closing)).isEqualTo("CLOSED");
		assertThat(rowsOf(closing.id().value())).as("every module's deletions were undone").containsAllEntriesOf(
				Map.of("identity.member_account", before.get("identity.member_account"), "vault.shop_keyset",
						before.get("vault.shop_keyset")));

		assertThat(purge.purgeDue()).isGreaterThanOrEqualTo(1);
		assertThat(statusOf(closing)).isEqualTo("PURGED");
		assertThat(rowsOf(closing.id().value())).isEmpty();
	}

	@Test
	void aShopStillWithinItsRetentionIsKept() throws Exception {
		Shop closed = ShopFixtures.kissaShop(administration);
		MemberFixtures.activeMember(members, environment, closed, PASSWORD);
		administration.closeShop(closed.code().value(), 30);

		purge.purgeDue();

		assertThat(statusOf(closed)).isEqualTo("CLOSED");
		assertThat(rowsOf(closed.id().value())).containsKey("identity.member_account");
	}

	private void aCategorisedProduct(Shop shop) {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "鉄瓶", 13200, 3);
		TenantContext.runAs(shop.id(), () -> catalog.placeInCategories(variant.productId(),
				java.util.Set.of(catalog.createCategory(Category.of(new Handle("kitchen"), "台所道具", 1), "test")), "test"));
	}

	/** Every table with a shop_id column, and how many rows it holds for the shop (non-zero only). */
	private Map<String, Long> rowsOf(long shopId) throws SQLException {
		Map<String, Long> rows = new TreeMap<>();
		try (Connection crossShop = Databases.asCrossShopRole(environment)) {
			for (String table : tablesWithAShopId(crossShop)) {
				try (PreparedStatement count = crossShop
					.prepareStatement("SELECT count(*) FROM " + table + " WHERE shop_id = ?")) {
					count.setLong(1, shopId);
					try (ResultSet result = count.executeQuery()) {
						result.next();
						if (result.getLong(1) > 0) {
							rows.put(table, result.getLong(1));
						}
					}
				}
			}
		}
		return rows;
	}

	private static List<String> tablesWithAShopId(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT table_schema || '.' || table_name FROM information_schema.columns
				 WHERE column_name = 'shop_id' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public')
				 ORDER BY 1"""); ResultSet result = query.executeQuery()) {
			while (result.next()) {
				if (!KEPT.contains(result.getString(1))) {
					tables.add(result.getString(1));
				}
			}
		}
		assertThat(tables).as("the check must see the tables, or it proves nothing").contains("identity.member_account",
				"vault.shop_keyset", "catalog.variant");
		return tables;
	}

	private String statusOf(Shop shop) throws SQLException {
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement query = owner.prepareStatement("SELECT status FROM platform.shop WHERE id = ?")) {
			query.setLong(1, shop.id().value());
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	private List<String> auditedPurgesOf(long shopId) throws SQLException {
		List<String> details = new ArrayList<>();
		try (Connection crossShop = Databases.asCrossShopRole(environment); PreparedStatement query = crossShop
			.prepareStatement("SELECT detail FROM audit.audit_event WHERE type = 'SHOP_PURGED' AND shop_id = ?")) {
			query.setLong(1, shopId);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					details.add(result.getString(1));
				}
			}
		}
		return details;
	}

}
