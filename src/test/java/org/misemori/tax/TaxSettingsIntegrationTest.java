package org.misemori.tax;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.platform.domain.ShopPurge;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shop admin's tax settings: behind the SETTINGS permission, validated with clear messages,
 * each change audited (520), each shop's settings its own, and gone with a purged shop.
 */
@MisemoriIntegrationTest
class TaxSettingsIntegrationTest {

	private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	ShopPurge purge;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Environment environment;

	@Autowired
	ShopVault vault;

	Shop shop;

	Shop otherShop;

	@BeforeEach
	void shopsWithStaff() throws SQLException {
		shop = ShopFixtures.kissaShop(administration);
		otherShop = ShopFixtures.zakkaShop(administration);
		StaffFixtures.add(environment, vault, shop, "keiri", "keiri@kissa.example.jp", false, HASH, StaffPermission.SETTINGS);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@kissa.example.jp", false, HASH, StaffPermission.ORDERS);
		StaffFixtures.add(environment, vault, otherShop, "keiri", "keiri@zakka.example.jp", false, HASH,
				StaffPermission.SETTINGS);
	}

	@Test
	void onlyStaffWithTheSettingsPermissionGetIn() throws Exception {
		mvc.perform(get("/admin/settings/tax").with(StaffFixtures.signedIn(staff, shop, "clerk")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/settings/tax").param("rounding", "CEILING")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "clerk"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/settings/tax")).andExpect(status().is3xxRedirection());
		assertThat(storedRow(shop)).isEmpty();
	}

	@Test
	void aNewShopTruncatesAndHasNoNumber() throws Exception {
		mvc.perform(get("/admin/settings/tax").with(StaffFixtures.signedIn(staff, shop, "keiri")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"FLOOR\" checked")))
			.andExpect(content().string(containsString("消費税・インボイス")));
	}

	@Test
	void aValidChangeIsSavedNormalisedAndAudited() throws Exception {
		mvc.perform(post("/admin/settings/tax").param("rounding", "HALF_UP")
			.param("registrationNumber", "Ｔ７００００１２０５０００２")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "keiri"))).andExpect(redirectedUrl("/admin/settings/tax?saved"));

		assertThat(storedRow(shop)).containsExactly("HALF_UP", "T7000012050002");
		assertThat(audit(shop, "keiri")).containsExactly("before=FLOOR/none after=HALF_UP/T7000012050002");
		mvc.perform(get("/admin/settings/tax").with(StaffFixtures.signedIn(staff, shop, "keiri")))
			.andExpect(content().string(allOf(containsString("value=\"HALF_UP\" checked"), containsString("T7000012050002"))));
		// The other shop's settings are its own.
		mvc.perform(get("/admin/settings/tax").with(StaffFixtures.signedIn(staff, otherShop, "keiri")))
			.andExpect(content().string(allOf(containsString("value=\"FLOOR\" checked"), not(containsString("T7000012050002")))));

		// Saving the same again records nothing; removing the number is a change.
		mvc.perform(post("/admin/settings/tax").param("rounding", "HALF_UP")
			.param("registrationNumber", "T7000012050002")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "keiri")));
		mvc.perform(post("/admin/settings/tax").param("rounding", "HALF_UP")
			.param("registrationNumber", "")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "keiri")));
		assertThat(audit(shop, "keiri")).containsExactly("before=FLOOR/none after=HALF_UP/T7000012050002",
				"before=HALF_UP/T7000012050002 after=HALF_UP/none");
	}

	@Test
	void aWrongNumberOrRuleIsExplainedAndNothingIsSaved() throws Exception {
		mvc.perform(post("/admin/settings/tax").param("rounding", "CEILING")
			.param("registrationNumber", "T1700150005005")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "keiri")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("検査用数字が合いません")))
			.andExpect(content().string(containsString("value=\"T1700150005005\"")));
		mvc.perform(post("/admin/settings/tax").param("rounding", "CEILING")
			.param("registrationNumber", "7000012050002")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "keiri")))
			.andExpect(content().string(containsString("先頭に「T」を付けてください")));
		mvc.perform(post("/admin/settings/tax").param("rounding", "ROUND_EVEN")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "keiri")))
			.andExpect(content().string(containsString("端数処理の方法を選んでください")));
		mvc.perform(post("/admin/settings/tax").param("rounding", "CEILING")
			.header("Accept-Language", "en")
			.param("registrationNumber", "T12")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "keiri")))
			.andExpect(content().string(containsString("followed by 13 digits")));
		assertThat(storedRow(shop)).isEmpty();
		assertThat(audit(shop, "keiri")).isEmpty();
	}

	@Test
	void withoutTheFormTokenNothingChanges() throws Exception {
		mvc.perform(post("/admin/settings/tax").param("rounding", "CEILING")
			.with(StaffFixtures.signedIn(staff, shop, "keiri"))).andExpect(status().isForbidden());
		assertThat(storedRow(shop)).isEmpty();
	}

	@Test
	void aPurgedShopsSettingsAreErased() throws Exception {
		mvc.perform(post("/admin/settings/tax").param("rounding", "CEILING")
			.param("registrationNumber", "T4011001098993")
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, otherShop, "keiri")));
		assertThat(storedRow(otherShop)).containsExactly("CEILING", "T4011001098993");

		administration.closeShop(otherShop.code().value(), 0);
		purge.purgeDue();

		assertThat(storedRow(otherShop)).isEmpty();
	}

	/** The stored rounding and number, read with the cross-shop role; empty when there is no row. */
	private List<String> storedRow(Shop of) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT rounding, registration_number FROM tax.shop_tax_settings WHERE shop_id = ?")) {
			select.setLong(1, of.id().value());
			List<String> row = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				if (rows.next()) {
					row.add(rows.getString(1));
					row.add(rows.getString(2));
				}
			}
			return row;
		}
	}

	private List<String> audit(Shop of, String loginId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT detail FROM audit.audit_event WHERE type_code = 520 AND actor = ? AND shop_id = ? ORDER BY id")) {
			select.setString(1, of.code().value() + "/" + loginId);
			select.setLong(2, of.id().value());
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
