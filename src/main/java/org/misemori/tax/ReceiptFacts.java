package org.misemori.tax;

import java.util.List;
import java.util.Optional;

/**
 * What a receipt or order confirmation must show to be a 適格請求書 (with the shop's name and
 * the date, which the order templates add): the registration number, each line with ※ on
 * reduced-rate goods and the legend that explains the mark, and per rate the tax-inclusive
 * total and the tax in it. Plain values, ready for templates.
 *
 * @param registrationNumber empty for a shop that is not registered: its receipts are then
 *        ordinary receipts, not qualified invoices
 */
public record ReceiptFacts(Optional<InvoiceRegistrationNumber> registrationNumber, List<Line> lines,
		List<RateTotal> rates, long grandTotal) {

	public static final String REDUCED_MARK = "※";

	/** 「※は軽減税率対象商品」 in the reader's language. */
	public static final String LEGEND_KEY = "tax.receipt.reducedLegend";

	public ReceiptFacts {
		lines = List.copyOf(lines);
		rates = List.copyOf(rates);
	}

	public static ReceiptFacts of(TaxableOrder order, TaxBreakdown breakdown, TaxSettings settings) {
		List<Line> lines = order.lines()
			.stream()
			.map(line -> new Line(line.name(), line.unitPrice(), line.quantity(), line.amount(), line.rate().isReduced()))
			.toList();
		return new ReceiptFacts(settings.registrationNumber(), lines, breakdown.rates(), breakdown.grandTotal());
	}

	public boolean isQualifiedInvoice() {
		return registrationNumber.isPresent();
	}

	/** The legend is printed only when a line carries the mark. */
	public boolean showsReducedLegend() {
		return lines.stream().anyMatch(Line::reduced);
	}

	/** A receipt line; {@code mark()} is ※ for reduced-rate goods and empty otherwise. */
	public record Line(String name, long unitPrice, int quantity, long amount, boolean reduced) {

		public String mark() {
			return reduced ? REDUCED_MARK : "";
		}

	}

}
