package org.misemori.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md invariant 4, held for columns added later: a column whose name says it holds
 * personal data (an address, a phone, a name, …) must be bytea — sealed ciphertext or a blind
 * index — unless it is listed here with the reason it may be plain text.
 */
@MisemoriIntegrationTest
class PersonalColumnsAreSealedIntegrationTest {

	private static final String PERSONAL = "(mail|phone|tel|name|kana|address|birth|postal|zip|gender|occupation|prefecture|building|recipient)";

	private static final Map<String, String> PLAIN_BY_DESIGN = Map.ofEntries(
			Map.entry("identity.member_account.legacy_email", "plain addresses from before V26, sealed at the next start (LegacyPlaintextSealing)"),
			Map.entry("identity.staff_account.legacy_email", "the same, for staff"),
			Map.entry("identity.staff_account.display_name", "the name a staff member chose to be shown under in the admin, not a customer's"),
			Map.entry("identity.operator_account.email", "the platform's own operators: not a shop's data, no shop key to seal it with"),
			Map.entry("notify.outbox_mail.recipient", "rows queued before V37 only (new rows seal it in content; no role may insert it); emptied when sent"),
			Map.entry("platform.shop.name", "the shop's trading name, public"),
			Map.entry("platform.shop.host_name", "the shop's own domain, public"),
			Map.entry("platform.shop_profile.seller_name", "特定商取引法: the seller, published by law"),
			Map.entry("platform.shop_profile.address", "特定商取引法: the seller's address, published by law"),
			Map.entry("platform.shop_profile.phone", "特定商取引法: the seller's phone, published by law"),
			Map.entry("platform.shop_profile.email", "特定商取引法: the seller's contact address, published by law"),
			Map.entry("identity.member_passkey_user.name", "member:<shop id>:<member id>, an id, no personal value"),
			Map.entry("identity.staff_passkey_user.name", "<shop code>/<login id>, never an address"),
			Map.entry("identity.operator_passkey_user.name", "an operator's login id, never an address"),
			Map.entry("identity.spring_session.principal_name", "the principal's id (member:<shop>:<id> or a login id)"),
			Map.entry("identity.spring_session_attributes.attribute_name", "Spring Session's attribute keys"),
			Map.entry("identity.not_me_token.principal_name", "the principal's id, as in sessions"),
			Map.entry("identity.login_failure.last_address", "an IP address, kept to throttle sign-in attempts"),
			Map.entry("audit.audit_event.client_address", "an IP address, kept as evidence in the audit log"),
			Map.entry("audit.personal_data_read.client_address", "an IP address, kept as evidence of who read what"),
			Map.entry("ordering.order_line.variant_name", "the variant as sold (size, colour): a product's, not a person's name"),
			Map.entry("payment.shop_bank_account.bank_name", "the shop's own bank (振込先), shown to every buyer who pays by transfer"),
			Map.entry("payment.shop_bank_account.branch_name", "the branch of the shop's own bank, shown to every buyer likewise"));

	@Autowired
	Environment environment;

	@Test
	void everyColumnNamedLikePersonalDataIsSealedOrExplained() throws Exception {
		List<String> plain = new ArrayList<>();
		List<String> sealed = new ArrayList<>();
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement select = owner.prepareStatement("""
						SELECT table_schema || '.' || table_name || '.' || column_name, data_type
						FROM information_schema.columns
						WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'public')
						  AND column_name ~ ?
						ORDER BY 1""")) {
			select.setString(1, PERSONAL);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					(rows.getString(2).equals("bytea") ? sealed : plain).add(rows.getString(1));
				}
			}
		}
		assertThat(sealed).as("the check sees the sealed columns, or it proves nothing")
			.contains("identity.member_account.email_sealed", "identity.member_account.name_sealed",
					"identity.member_account.phone_index", "identity.staff_account.phone_sealed");
		assertThat(plain).as("plain-text columns named like personal data, not explained in PLAIN_BY_DESIGN")
			.isSubsetOf(PLAIN_BY_DESIGN.keySet());
	}

}
