package org.misemori.identity.staff;

import java.nio.charset.StandardCharsets;
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
import org.misemori.identity.lockout.AccountKey;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.PersonalDataReader;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 4 for staff: an invited person's address and phone number are stored sealed under the
 * shop's keys (nothing readable in the row), found by blind index, and read back only through
 * the recorded reader.
 */
@MisemoriIntegrationTest
class StaffContactsIntegrationTest {

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
	PersonalDataReader reader;

	Shop shop;

	@BeforeEach
	void shopWithOwner() throws SQLException {
		shop = ShopFixtures.zakkaShop(administration);
		StaffFixtures.add(environment, vault, shop, "owner", "owner@zakka.example.jp", true,
				"$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash");
	}

	@Test
	void anInvitedPersonsAddressAndPhoneAreSealedIndexedAndReadOnlyOnRecord() throws Exception {
		String email = Mails.uniqueRecipient("zakka.example.jp");
		mvc.perform(get("/admin/staff").with(StaffFixtures.signedIn(staff, shop, "owner")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"phone\"")));
		mvc.perform(post("/admin/staff").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "owner"))
			.param("loginId", "packer")
			.param("displayName", "梱包 担当")
			.param("email", email)
			.param("phone", "０９０-1234-5678")).andExpect(redirectedUrl("/admin/staff"));

		Row row = row("packer");
		assertThat(new String(row.emailSealed(), StandardCharsets.ISO_8859_1)).doesNotContain(email.split("@")[0]);
		assertThat(row.emailIndex()).as("found however the address is written")
			.isEqualTo(vault.blindIndex(shop.id(), BlindIndexKind.EMAIL, email.toUpperCase(java.util.Locale.ROOT)));
		try (var reading = reader.open(shop.id(), "STAFF", "test: what was stored")) {
			assertThat(reading.field(FieldRef.of("identity.staff_account", "phone", row.id()), row.phoneSealed()))
				.isEqualTo("090-1234-5678");
			assertThat(reading.field(FieldRef.of("identity.staff_account", "email", row.id()), row.emailSealed()))
				.isEqualTo(email);
		}

		assertThat(staff.mailAddressOf(AccountKey.staff(shop.id().value(), "packer"))).contains(email);
		assertThat(readPurposes(row.id())).contains("security notice to the account's holder");
	}

	@Test
	void aPhoneNumberThatIsNotJapaneseIsRefusedAndNothingIsStored() throws Exception {
		mvc.perform(post("/admin/staff").with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "owner"))
			.param("loginId", "caller")
			.param("displayName", "電話 担当")
			.param("email", "caller@zakka.example.jp")
			.param("phone", "12345"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("090-1234-5678")));
		assertThat(rowCount("caller")).isZero();
	}

	@Test
	void thePhoneNumberIsOptionalAndItsFormsAreChecked() {
		assertThat(StaffContacts.phoneOrNull("  ")).isNull();
		assertThat(StaffContacts.phoneOrNull("03-1234-5678")).isEqualTo("03-1234-5678");
		assertThat(StaffContacts.phoneOrNull("+81 90 1234 5678")).isEqualTo("+81 90 1234 5678");
		for (String bad : List.of("12345", "0000000000", "090-1234-5678-9999", "電話して", "090-1234-567a")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> StaffContacts.phoneOrNull(bad))
				.as(bad)
				.isInstanceOfSatisfying(StaffProblem.class,
						problem -> assertThat(problem.messageKey()).isEqualTo("staff.error.phone"));
		}
	}

	private record Row(long id, byte[] emailSealed, byte[] emailIndex, byte[] phoneSealed) {
	}

	private Row row(String loginId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement("""
						SELECT id, email_sealed, email_index, phone_sealed, legacy_email
						FROM identity.staff_account WHERE shop_id = ? AND login_id = ?""")) {
			select.setLong(1, shop.id().value());
			select.setString(2, loginId);
			try (ResultSet rows = select.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString("legacy_email")).isNull();
				return new Row(rows.getLong("id"), rows.getBytes("email_sealed"), rows.getBytes("email_index"),
						rows.getBytes("phone_sealed"));
			}
		}
	}

	private long rowCount(String loginId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection
					.prepareStatement("SELECT count(*) FROM identity.staff_account WHERE shop_id = ? AND login_id = ?")) {
			select.setLong(1, shop.id().value());
			select.setString(2, loginId);
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private List<String> readPurposes(long staffId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement("""
						SELECT purpose FROM audit.personal_data_read
						WHERE shop_id = ? AND subject_kind = 'STAFF' AND ? = ANY (record_ids) ORDER BY id""")) {
			select.setLong(1, shop.id().value());
			select.setLong(2, staffId);
			List<String> purposes = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					purposes.add(rows.getString(1));
				}
			}
			return purposes;
		}
	}

}
