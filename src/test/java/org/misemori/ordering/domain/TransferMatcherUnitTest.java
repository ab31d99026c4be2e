package org.misemori.ordering.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.misemori.ordering.OrderId;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching deposits to orders: by number and amount first, else kana and amount; never one order twice. */
class TransferMatcherUnitTest {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	private final List<TransferMatcher.OpenTransfer> open = List.of(
			new TransferMatcher.OpenTransfer(new OrderId(42), 5_500, "ヤマザキ ショウタ"),
			new TransferMatcher.OpenTransfer(new OrderId(43), 5_500, "サトウ ハナコ"),
			new TransferMatcher.OpenTransfer(new OrderId(44), 3_300, "スズキ イチロー"));

	@Test
	void aNumberInThePayerNameWinsOverTheKanaAndMustComeWithTheAmount() {
		assertThat(outcomes(new BankDeposit(2, DAY, 5_500, "00000043 ﾔﾏｻﾞｷ ｼﾖｳﾀ"),
				new BankDeposit(3, DAY, 3_300, "43 ｻﾄｳ ﾊﾅｺ")))
			.containsExactly("2 MATCHED_BY_NUMBER [43]", "3 UNMATCHED []");
	}

	@Test
	void kanaIsComparedAsBanksPrintIt() {
		assertThat(outcomes(new BankDeposit(2, DAY, 5_500, "ﾔﾏｻﾞｷ ｼﾖｳﾀ"), new BankDeposit(3, DAY, 3_300, "すずき いちろう")))
			.containsExactly("2 MATCHED_BY_KANA [42]", "3 UNMATCHED []");
	}

	@Test
	void aSecondDepositForTheSameOrderIsADuplicateNotASecondPayment() {
		List<TransferMatch> matches = TransferMatcher.match(List.of(new BankDeposit(2, DAY, 5_500, "42"),
				new BankDeposit(7, DAY, 5_500, "ﾔﾏｻﾞｷ ｼﾖｳﾀ")), open);
		assertThat(matches.get(1).outcome()).isEqualTo(TransferMatch.Outcome.DUPLICATE);
		assertThat(matches.get(1).matchedOn()).isEqualTo(2);
	}

	private List<String> outcomes(BankDeposit... deposits) {
		return TransferMatcher.match(List.of(deposits), open)
			.stream()
			.map(m -> m.line() + " " + m.outcome() + " " + m.candidates().stream().map(OrderId::value).toList())
			.toList();
	}

}
