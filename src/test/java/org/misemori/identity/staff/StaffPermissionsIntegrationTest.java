package org.misemori.identity.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each admin area opens to its permission only; the owner enters all; nobody grants what they lack. */
@MisemoriIntegrationTest
class StaffPermissionsIntegrationTest {

	/** The area each permission opens by itself. */
	static final Map<StaffPermission, String> AREA = Map.of(StaffPermission.ORDERS, "/admin/orders",
			StaffPermission.PRODUCTS, "/admin/products", StaffPermission.MEMBERS_PERSONAL_DATA, "/admin/members",
			StaffPermission.EXPORT, "/admin/export", StaffPermission.SETTINGS, "/admin/settings", StaffPermission.THEMES,
			"/admin/themes", StaffPermission.STAFF_ADMIN, "/admin/staff");

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
	PasswordEncoder passwords;

	Shop shop;

	String hash;

	@BeforeEach
	void shopWithOwner() throws SQLException {
		shop = ShopFixtures.zakkaShop(administration);
		hash = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";
		StaffFixtures.add(environment, vault, shop, "owner", "owner@zakka.example.jp", true, hash);
	}

	@Test
	void eachPermissionOpensItsAreaAndNoOther() throws Exception {
		for (StaffPermission permission : StaffPermission.values()) {
			String loginId = "only-" + permission.name().toLowerCase().replace('_', '-');
			StaffFixtures.add(environment, vault, shop, loginId, loginId + "@zakka.example.jp", false, hash, permission);
			for (var area : AREA.entrySet()) {
				boolean opens = area.getKey() == permission
						|| (permission == StaffPermission.ORDERS && area.getValue().equals("/admin/members"));
				mvc.perform(get(area.getValue()).with(StaffFixtures.signedIn(staff, shop, loginId)))
					.andExpect(opens ? status().isOk() : status().isForbidden());
			}
			// The dashboard shows only the way in it has.
			mvc.perform(get("/admin").with(StaffFixtures.signedIn(staff, shop, loginId)))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"" + AREA.get(permission) + "\"")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers
					.containsString("href=\"" + AREA.get(permission == StaffPermission.THEMES ? StaffPermission.SETTINGS
							: StaffPermission.THEMES) + "\""))));
		}
	}

	@Test
	void theOwnerEntersEveryAreaWhateverTheColumnSays() throws Exception {
		for (String area : AREA.values()) {
			mvc.perform(get(area).with(StaffFixtures.signedIn(staff, shop, "owner"))).andExpect(status().isOk());
		}
		mvc.perform(get("/admin/export/members.csv").with(StaffFixtures.signedIn(staff, shop, "owner")))
			.andExpect(status().isOk());
	}

	@Test
	void staffWithoutPermissionsGetsOnlyTheDashboard() throws Exception {
		StaffFixtures.add(environment, vault, shop, "nobody", "nobody@zakka.example.jp", false, hash);
		mvc.perform(get("/admin").with(StaffFixtures.signedIn(staff, shop, "nobody")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("使える画面がまだありません")));
		mvc.perform(post("/admin/staff").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "nobody"))
			.param("loginId", "sneaky")
			.param("displayName", "x")
			.param("email", "x@zakka.example.jp")).andExpect(status().isForbidden());
	}

	@Test
	void aStaffAdministratorCannotGrantWhatTheyLack() throws Exception {
		StaffFixtures.add(environment, vault, shop, "admin", "admin@zakka.example.jp", false, hash, StaffPermission.STAFF_ADMIN,
				StaffPermission.ORDERS);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@zakka.example.jp", false, hash);

		mvc.perform(post("/admin/staff/clerk/permissions").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "admin"))
			.param("permissions", "ORDERS", "EXPORT"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("自分が持っていない権限は付与できません: EXPORT")));
		assertThat(StaffFixtures.storedPermissions(environment, shop, "clerk")).isEmpty();

		mvc.perform(post("/admin/staff/clerk/permissions").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "admin"))
			.param("permissions", "ORDERS")).andExpect(redirectedUrl("/admin/staff"));
		assertThat(StaffFixtures.storedPermissions(environment, shop, "clerk")).containsExactly("ORDERS");
		assertThat(auditDetails("admin")).anyMatch(d -> d.contains("loginId=clerk before=[] after=[ORDERS]"));

		// Inviting is the same rule.
		mvc.perform(post("/admin/staff").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "admin"))
			.param("loginId", "newbie")
			.param("displayName", "新人")
			.param("email", "newbie@zakka.example.jp")
			.param("permissions", "PRODUCTS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("PRODUCTS")));
	}

	@Test
	void theFormsOfferOnlyWhatTheEditorMayGrant() throws Exception {
		StaffFixtures.add(environment, vault, shop, "admin", "admin@zakka.example.jp", false, hash, StaffPermission.STAFF_ADMIN,
				StaffPermission.ORDERS);
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@zakka.example.jp", false, hash, StaffPermission.EXPORT);
		mvc.perform(get("/admin/staff").with(StaffFixtures.signedIn(staff, shop, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"ORDERS\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("value=\"EXPORT\""))));
		// The clerk's EXPORT shows, ticked, and may be removed; PRODUCTS shows but cannot be ticked.
		String edit = mvc.perform(get("/admin/staff/clerk").with(StaffFixtures.signedIn(staff, shop, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(edit).containsPattern("value=\"EXPORT\"\\s+checked=\"checked\"")
			.containsPattern("value=\"PRODUCTS\"\\s+disabled=\"disabled\"");
		mvc.perform(get("/admin/staff/nobody-here").with(StaffFixtures.signedIn(staff, shop, "admin")))
			.andExpect(status().isNotFound());
	}

	@Test
	void inviteStoresTheChosenPermissions() throws Exception {
		mvc.perform(post("/admin/staff").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "owner"))
			.param("loginId", "packer")
			.param("displayName", "梱包 担当")
			.param("email", "packer@zakka.example.jp")
			.param("permissions", "ORDERS", "PRODUCTS", "NOT_A_PERMISSION")).andExpect(redirectedUrl("/admin/staff"));
		assertThat(StaffFixtures.storedPermissions(environment, shop, "packer")).containsExactly("ORDERS", "PRODUCTS");
		assertThat(auditDetails("owner")).anyMatch(d -> d.contains("loginId=packer before=[] after=[ORDERS, PRODUCTS]"));
	}

	@Test
	void nobodyEditsTheOwnerNorDropsTheirOwnStaffAdministration() throws Exception {
		StaffFixtures.add(environment, vault, shop, "admin", "admin@zakka.example.jp", false, hash, StaffPermission.values());
		mvc.perform(post("/admin/staff/owner/permissions").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "admin"))
			.param("permissions", "ORDERS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("オーナーの権限は変更できません")));
		mvc.perform(post("/admin/staff/admin/permissions").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "admin"))
			.param("permissions", "ORDERS")
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("You cannot remove your own &quot;Staff administration&quot; permission")));
		assertThat(StaffFixtures.storedPermissions(environment, shop, "admin")).contains("STAFF_ADMIN");
	}

	@Test
	void changingPermissionsAsksForARecentCode() throws Exception {
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@zakka.example.jp", false, hash);
		mvc.perform(post("/admin/staff/clerk/permissions").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "owner", Instant.now().minus(Duration.ofMinutes(10))))
			.param("permissions", "ORDERS")).andExpect(redirectedUrl("/admin/2fa?stepup"));
		assertThat(StaffFixtures.storedPermissions(environment, shop, "clerk")).isEmpty();
	}

	@Test
	void theDatabaseStoresOnlyKnownPermissionNames() throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement update = connection.prepareStatement(
						"UPDATE identity.staff_account SET permissions = '{ORDERS,GOD_MODE}' WHERE login_id = 'owner' AND shop_id = ?")) {
			update.setLong(1, shop.id().value());
			assertThatThrownBy(update::executeUpdate)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("staff_account_permissions_known");
		}
		assertThat(EnumSet.allOf(StaffPermission.class)).hasSize(7);
	}

	private java.util.List<String> auditDetails(String loginId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT detail FROM audit.audit_event WHERE type_code = 320 AND actor = ? AND shop_id = ?")) {
			select.setString(1, shop.code().value() + "/" + loginId);
			select.setLong(2, shop.id().value());
			java.util.List<String> details = new java.util.ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					details.add(rows.getString(1));
				}
			}
			return details;
		}
	}

}
