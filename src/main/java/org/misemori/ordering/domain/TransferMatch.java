package org.misemori.ordering.domain;

import java.util.List;
import java.util.Optional;

import org.misemori.csv.CsvError;
import org.misemori.ordering.OrderId;

/**
 * What one line of the deposit file came to: an order to mark paid, or why not. {@code deposit}
 * is empty only for a line that could not be read ({@link Outcome#MALFORMED}, with its error);
 * {@code candidates} lists the orders of an ambiguous deposit; {@code matchedOn} is the line
 * that already took the order of a {@link Outcome#DUPLICATE}.
 */
public record TransferMatch(long line, Optional<BankDeposit> deposit, Outcome outcome, Optional<OrderId> order,
		List<OrderId> candidates, long matchedOn, Optional<CsvError> error) {

	public TransferMatch {
		candidates = List.copyOf(candidates);
	}

	public enum Outcome {

		MATCHED_BY_NUMBER, MATCHED_BY_KANA, UNMATCHED, AMBIGUOUS, DUPLICATE, MALFORMED;

		public boolean matched() {
			return this == MATCHED_BY_NUMBER || this == MATCHED_BY_KANA;
		}

		public String messageKey() {
			return "ordering.transfers.outcome." + name();
		}

	}

	static TransferMatch of(BankDeposit deposit, Outcome outcome, List<OrderId> candidates) {
		return new TransferMatch(deposit.line(), Optional.of(deposit), outcome,
				outcome.matched() ? Optional.of(candidates.get(0)) : Optional.empty(), candidates, 0, Optional.empty());
	}

	static TransferMatch malformed(CsvError error) {
		return new TransferMatch(error.line(), Optional.empty(), Outcome.MALFORMED, Optional.empty(), List.of(), 0,
				Optional.of(error));
	}

	TransferMatch duplicateOf(long firstLine) {
		return new TransferMatch(line, deposit, Outcome.DUPLICATE, order, candidates, firstLine, error);
	}

}
