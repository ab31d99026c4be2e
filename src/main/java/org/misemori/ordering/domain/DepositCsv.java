package org.misemori.ordering.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvError;
import org.misemori.csv.CsvReader;
import org.misemori.csv.CsvRow;
import org.misemori.csv.CsvTable;

/**
 * The one layout of deposit CSV Misemori reads (banks' own statements differ; the shop arranges
 * theirs into it): a header {@code 日付,金額,振込依頼人名}, dates as {@code 2026/05/01},
 * {@code 2026-05-01} or {@code 20260501}, amounts in whole yen (commas and full-width digits
 * allowed). A row that cannot be read is an error on its line and matches nothing; an error
 * of the file itself (encoding, header, size, an unclosed quote) refuses the whole file.
 */
final class DepositCsv {

	static final String DATE = "日付";

	static final String AMOUNT = "金額";

	static final String PAYER = "振込依頼人名";

	/** The reader's errors that concern one row only; any other refuses the file. */
	private static final Set<String> ROW_ERRORS = Set.of("csv.error.cell-count", "csv.error.cell-too-long");

	private static final long MAX_AMOUNT = 1_000_000_000L;

	private static final DateTimeFormatter[] DATES = { DateTimeFormatter.ofPattern("uuuu/M/d"),
			DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuuMMdd") };

	private DepositCsv() {
	}

	static Read read(byte[] file, CsvEncoding encoding) {
		CsvTable table = new CsvReader(List.of(DATE, AMOUNT, PAYER), Set.of(DATE, AMOUNT, PAYER)).read(file, encoding);
		List<CsvError> fileErrors = table.errors().stream().filter(e -> !ROW_ERRORS.contains(e.message())).toList();
		List<CsvError> rowErrors = new ArrayList<>(table.errors().stream().filter(e -> ROW_ERRORS.contains(e.message())).toList());
		List<BankDeposit> deposits = new ArrayList<>();
		for (CsvRow row : table.rows()) {
			if (rowErrors.stream().anyMatch(error -> error.line() == row.line())) {
				continue;
			}
			deposit(row).ifPresentOrElse(deposits::add, () -> rowErrors.add(problem(row)));
		}
		return new Read(deposits, rowErrors, fileErrors);
	}

	private static Optional<BankDeposit> deposit(CsvRow row) {
		Optional<LocalDate> date = date(row.get(DATE));
		Optional<Long> amount = amount(row.get(AMOUNT));
		if (date.isEmpty() || amount.isEmpty() || row.get(PAYER).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new BankDeposit(row.line(), date.get(), amount.get(), row.get(PAYER)));
	}

	private static CsvError problem(CsvRow row) {
		if (date(row.get(DATE)).isEmpty()) {
			return CsvError.at(row.line(), DATE, "ordering.transfers.error.date", row.get(DATE));
		}
		if (amount(row.get(AMOUNT)).isEmpty()) {
			return CsvError.at(row.line(), AMOUNT, "ordering.transfers.error.amount", row.get(AMOUNT));
		}
		return CsvError.at(row.line(), PAYER, "ordering.transfers.error.payer");
	}

	private static Optional<LocalDate> date(String text) {
		String date = Normalizer.normalize(text, Normalizer.Form.NFKC);
		for (DateTimeFormatter format : DATES) {
			try {
				return Optional.of(LocalDate.parse(date, format.withResolverStyle(ResolverStyle.STRICT)));
			}
			catch (DateTimeParseException notThisOne) {
				// the next layout
			}
		}
		return Optional.empty();
	}

	private static Optional<Long> amount(String text) {
		String digits = Normalizer.normalize(text, Normalizer.Form.NFKC).replace(",", "").replaceFirst("^[¥\\\\]", "");
		if (!digits.matches("[0-9]{1,10}")) {
			return Optional.empty();
		}
		long amount = Long.parseLong(digits);
		return amount > 0 && amount <= MAX_AMOUNT ? Optional.of(amount) : Optional.empty();
	}

	/** The deposits that could be read; the rows that could not; what is wrong with the whole file. */
	record Read(List<BankDeposit> deposits, List<CsvError> rowErrors, List<CsvError> fileErrors) {

		Read {
			deposits = List.copyOf(deposits);
			rowErrors = List.copyOf(rowErrors);
			fileErrors = List.copyOf(fileErrors);
		}

	}

}
