package org.misemori.ordering.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.misemori.ordering.OrderId;
import org.misemori.ordering.domain.BankTransferReconciliation;
import org.misemori.ordering.domain.TransferMatch;

import org.springframework.context.MessageSource;

/** The reconciliation as the page shows it: each line with its deposit and what it matched, in the reader's language. */
record TransferPreview(List<Row> rows, List<String> fileErrors, int matched) {

	static TransferPreview of(BankTransferReconciliation.Reconciliation reconciliation, MessageSource messages,
			Locale locale) {
		List<Row> rows = reconciliation.rows().stream().map(match -> row(match, messages, locale)).toList();
		return new TransferPreview(rows,
				reconciliation.fileErrors().stream().map(error -> error.describe(messages, locale)).toList(),
				reconciliation.matched().size());
	}

	private static Row row(TransferMatch match, MessageSource messages, Locale locale) {
		Object[] arguments = switch (match.outcome()) {
			case MATCHED_BY_NUMBER, MATCHED_BY_KANA -> new Object[] { match.order().orElseThrow().number() };
			case AMBIGUOUS -> new Object[] { match.candidates().stream().map(OrderId::number).collect(Collectors.joining(", ")) };
			case DUPLICATE -> new Object[] { match.order().orElseThrow().number(), String.valueOf(match.matchedOn()) };
			case MALFORMED -> new Object[] { match.error().orElseThrow().describe(messages, locale) };
			case UNMATCHED -> new Object[0];
		};
		return new Row(match.line(), match.deposit().map(d -> d.date().toString()).orElse(""),
				match.deposit().map(d -> "¥" + String.format(Locale.ROOT, "%,d", d.amount())).orElse(""),
				match.deposit().map(d -> d.payer()).orElse(""), match.outcome().name(),
				messages.getMessage(match.outcome().messageKey(), arguments, locale));
	}

	record Row(long line, String date, String amount, String payer, String outcome, String result) {
	}

}
