package org.misemori.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A hash made with weaker Argon2id parameters is redone at the current ones when its holder signs in. */
@MisemoriIntegrationTest
class PasswordHashUpgradeIntegrationTest {

	private static final String PASSPHRASE = "雑貨屋の棚に並ぶ青い硝子の小瓶たち";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	org.misemori.identity.staff.StaffAccounts staff;

	@Autowired
	Environment environment;

	@Autowired
	org.misemori.identity.domain.OperatorSetup setup;

	@Test
	void staffHashIsUpgradedOnSignIn() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		staff.invite(shop.code().value(),
				new org.misemori.identity.staff.NewStaff("aoi", "青井 あおい", "aoi@zakka.example.jp", true), "ops.test");
		String weak = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSPHRASE);
		assertThat(weak).contains("m=16384");
		execute("UPDATE identity.staff_account SET password_hash = ? WHERE login_id = 'aoi'", weak);

		mvc.perform(post("/admin/login").with(csrf())
			.param("shopCode", shop.code().value())
			.param("loginId", "aoi")
			.param("password", PASSPHRASE)).andExpect(redirectedUrl("/admin"));

		assertThat(hashOf("aoi")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void operatorHashIsUpgradedOnSignIn() throws Exception {
		OperatorFixtures.noOperatorYet(environment);
		setup.complete(setup.issueTokenIfNoOperator().orElseThrow(), "ops.upgrade", OperatorFixtures.EMAIL,
				OperatorFixtures.PASSPHRASE, OperatorFixtures.PASSPHRASE);
		String weak = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(OperatorFixtures.PASSPHRASE);
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner
					.prepareStatement("UPDATE identity.operator_account SET password_hash = ? WHERE login_id = 'ops.upgrade'")) {
			statement.setString(1, weak);
			assertThat(statement.executeUpdate()).isEqualTo(1);
		}

		mvc.perform(post("/operator/login").with(csrf())
			.param("username", "ops.upgrade")
			.param("password", OperatorFixtures.PASSPHRASE)).andExpect(redirectedUrl("/operator"));

		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner
					.prepareStatement("SELECT password_hash FROM identity.operator_account WHERE login_id = 'ops.upgrade'");
				ResultSet row = statement.executeQuery()) {
			row.next();
			assertThat(row.getString(1)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		}
	}

	private void execute(String sql, String value) throws Exception {
		try (Connection owner = Databases.asCrossShopRole(environment); PreparedStatement statement = owner.prepareStatement(sql)) {
			statement.setString(1, value);
			assertThat(statement.executeUpdate()).isEqualTo(1);
		}
	}

	private String hashOf(String loginId) throws Exception {
		try (Connection owner = Databases.asCrossShopRole(environment);
				PreparedStatement statement = owner
					.prepareStatement("SELECT password_hash FROM identity.staff_account WHERE login_id = ?")) {
			statement.setString(1, loginId);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getString(1);
			}
		}
	}

}
