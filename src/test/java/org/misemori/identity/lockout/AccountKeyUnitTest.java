package org.misemori.identity.lockout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Account keys and client addresses: what counts as "the same" account or attacker. */
class AccountKeyUnitTest {

	@Test
	void keysNameTheKindTheShopAndTheAttemptedName() {
		assertThat(AccountKey.operator("ops.hanako").id()).isEqualTo("operator:ops.hanako");
		assertThat(AccountKey.staff(42, "tencho").id()).isEqualTo("staff:42:tencho");
		assertThat(AccountKey.member(42, "Zm9vYmFy").id()).isEqualTo("member:42:Zm9vYmFy");
	}

	@Test
	void caseAndBlanksDoNotMakeAFreshLoginIdButDoInABlindIndex() {
		assertThat(AccountKey.operator("  Ops.Hanako ")).isEqualTo(AccountKey.operator("ops.hanako"));
		assertThat(AccountKey.staff(1, "TENCHO")).isEqualTo(AccountKey.staff(1, "tencho"));
		assertThat(AccountKey.member(1, "AbC")).isNotEqualTo(AccountKey.member(1, "abc"));
	}

	@Test
	void anOversizeNameIsKeptAsItsHashSoKeysStayShortAndRepeatsStillCount() {
		String huge = "x".repeat(1_000_000);
		AccountKey key = AccountKey.operator(huge);
		assertThat(key.id()).startsWith("operator:sha256-").hasSizeLessThan(100);
		assertThat(AccountKey.operator(huge)).isEqualTo(key);
		assertThat(AccountKey.operator(null).id()).isEqualTo("operator:");
	}

	@Test
	void operatorsHaveNoShopAndOthersHaveOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AccountKey(AccountKey.Kind.OPERATOR, 1L, "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new AccountKey(AccountKey.Kind.STAFF, null, "x"));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "203.0.113.7, 203.0.113.7", "' 203.0.113.7 ', 203.0.113.7", "::ffff:203.0.113.7, 203.0.113.7",
			"2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64", "2001:DB8:1:2::99, 2001:db8:1:2::/64",
			"2001:db8::1, 2001:db8:0:0::/64", "::1, 0:0:0:0::/64", "fe80::1%eth0, fe80:0:0:0::/64",
			"2001:0db8:0001:0002:ffff:ffff:ffff:ffff, 2001:db8:1:2::/64", "'', unknown" })
	void anIpv6ClientCountsByItsSlash64(String address, String expected) {
		assertThat(ClientAddresses.normalised(address)).isEqualTo(expected);
	}

	@Test
	void anythingElseIsKeptAsTextNeverLookedUp() {
		// A forwarded address is whatever the client wrote; a DNS lookup here would be theirs to trigger.
		assertThat(ClientAddresses.normalised("attacker.example")).isEqualTo("attacker.example");
		assertThat(ClientAddresses.normalised("1:2:3")).isEqualTo("1:2:3");
		assertThat(ClientAddresses.normalised("y".repeat(500))).hasSize(64);
		assertThat(ClientAddresses.normalised(null)).isEqualTo("unknown");
	}

}
