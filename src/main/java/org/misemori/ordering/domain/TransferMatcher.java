package org.misemori.ordering.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.misemori.ordering.OrderId;

/**
 * Matches deposits to bank-transfer orders awaiting payment. A deposit of exactly an order's
 * total whose payer name carries that order's number (as digits, "00000042" or "42") is that
 * order's; failing that, a deposit of exactly the total whose payer name, numbers left out,
 * is the buyer's kana. One candidate is a match; several are ambiguous and left to staff. An
 * order is paid by one deposit: a later line matching the same order is a duplicate.
 */
final class TransferMatcher {

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final String SMALL = "ァィゥェォッャュョヮヵヶ";

	private static final String LARGE = "アイウエオツヤユヨワカケ";

	private TransferMatcher() {
	}

	static List<TransferMatch> match(List<BankDeposit> deposits, List<OpenTransfer> open) {
		List<TransferMatch> matches = new ArrayList<>();
		Map<OrderId, Long> taken = new HashMap<>();
		for (BankDeposit deposit : deposits) {
			TransferMatch found = match(deposit, open);
			if (found.order().isPresent() && taken.containsKey(found.order().get())) {
				matches.add(found.duplicateOf(taken.get(found.order().get())));
				continue;
			}
			found.order().ifPresent(id -> taken.put(id, deposit.line()));
			matches.add(found);
		}
		return matches;
	}

	private static TransferMatch match(BankDeposit deposit, List<OpenTransfer> open) {
		List<OpenTransfer> sameAmount = open.stream().filter(order -> order.total() == deposit.amount()).toList();
		Set<Long> numbers = numbersIn(deposit.payer());
		List<OrderId> byNumber = sameAmount.stream().map(OpenTransfer::id).filter(id -> numbers.contains(id.value())).toList();
		if (!byNumber.isEmpty()) {
			return TransferMatch.of(deposit, byNumber.size() == 1 ? TransferMatch.Outcome.MATCHED_BY_NUMBER
					: TransferMatch.Outcome.AMBIGUOUS, byNumber);
		}
		String payer = kanaKey(deposit.payer());
		List<OrderId> byKana = sameAmount.stream()
			.filter(order -> !payer.isEmpty() && kanaKey(order.kana()).equals(payer))
			.map(OpenTransfer::id)
			.toList();
		return TransferMatch.of(deposit, switch (byKana.size()) {
			case 0 -> TransferMatch.Outcome.UNMATCHED;
			case 1 -> TransferMatch.Outcome.MATCHED_BY_KANA;
			default -> TransferMatch.Outcome.AMBIGUOUS;
		}, byKana);
	}

	private static Set<Long> numbersIn(String payer) {
		Matcher digits = DIGITS.matcher(normalised(payer));
		Set<Long> numbers = new java.util.HashSet<>();
		while (digits.find()) {
			if (digits.group().length() <= 15) {
				numbers.add(Long.parseLong(digits.group()));
			}
		}
		return numbers;
	}

	/**
	 * A name as banks compare it: half-width kana made full-width, hiragana made katakana, small
	 * kana made large (statements print ﾔﾏｻﾞｷ ｼﾖｳﾀ for ヤマザキ ショウタ), and no digits, spaces,
	 * long marks or punctuation.
	 */
	static String kanaKey(String name) {
		return normalised(name).codePoints()
			.map(c -> c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c)
			.map(c -> SMALL.indexOf(c) >= 0 ? LARGE.charAt(SMALL.indexOf(c)) : c)
			.filter(c -> Character.isLetter(c) && c != 'ー')
			.mapToObj(Character::toString)
			.collect(Collectors.joining());
	}

	private static String normalised(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
	}

	/** A bank-transfer order awaiting its money: its total and its buyer's kana (opened on record). */
	record OpenTransfer(OrderId id, long total, String kana) {
	}

}
