package org.misemori.identity.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberExportCellsUnitTest {

	@Test
	void addressesAreMaskedKeepingTheDomain() {
		assertThat(MaskedEmail.of("taro@example.jp")).isEqualTo("ta***@example.jp");
		assertThat(MaskedEmail.of("ab@example.jp")).isEqualTo("a***@example.jp");
		assertThat(MaskedEmail.of("a@example.jp")).isEqualTo("a***@example.jp");
		assertThat(MaskedEmail.of("not an address")).isEqualTo("***");
		assertThat(MaskedEmail.of(null)).isEqualTo("***");
	}

	@Test
	void cellsThatASpreadsheetWouldRunAreMadeText() {
		for (String formula : new String[] { "=1+2", "+81", "-3", "@SUM(A1)", "\tx", "\rx" }) {
			assertThat(SpreadsheetCell.guarded(formula)).isEqualTo("'" + formula);
		}
		assertThat(SpreadsheetCell.guarded("taro@example.jp")).isEqualTo("taro@example.jp");
		assertThat(SpreadsheetCell.guarded("本会員")).isEqualTo("本会員");
		assertThat(SpreadsheetCell.guarded("")).isEmpty();
	}

}
