package org.misemori.ordering.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvError;
import org.misemori.ordering.BankTransfersReconciled;
import org.misemori.ordering.OrderId;
import org.misemori.ordering.OrderStatus;
import org.misemori.ordering.Orders;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank transfers reconciled from the bank's deposit CSV: a preview of what each line matches,
 * then a confirmation that matches the same file again and marks the matched orders paid
 * through {@link Orders#changeStatus}, all in one transaction. An order that moved meanwhile
 * makes the whole confirmation fail; an order already paid no longer waits, so the same file
 * confirmed twice pays nothing twice.
 */
@Service
public class BankTransferReconciliation {

	private final OpenTransfers open;

	private final Orders orders;

	private final ApplicationEventPublisher events;

	BankTransferReconciliation(OpenTransfers open, Orders orders, ApplicationEventPublisher events) {
		this.open = open;
		this.orders = orders;
		this.events = events;
	}

	// Not read-only: opening buyers' kana writes its read record.
	@Transactional
	public Reconciliation preview(byte[] file, CsvEncoding encoding) {
		DepositCsv.Read read = DepositCsv.read(file, encoding);
		if (!read.fileErrors().isEmpty()) {
			return new Reconciliation(List.of(), read.fileErrors());
		}
		Set<Long> amounts = read.deposits().stream().map(BankDeposit::amount).collect(Collectors.toSet());
		List<TransferMatch> rows = new ArrayList<>(TransferMatcher.match(read.deposits(), open.ofAmounts(shop(), amounts)));
		read.rowErrors().forEach(error -> rows.add(TransferMatch.malformed(error)));
		rows.sort(Comparator.comparingLong(TransferMatch::line));
		return new Reconciliation(rows, List.of());
	}

	/**
	 * @return the orders marked paid
	 * @throws org.misemori.ordering.OrderingException if an order moved meanwhile: nothing is changed
	 */
	@Transactional
	public List<OrderId> confirm(byte[] file, CsvEncoding encoding, String actor) {
		Reconciliation reconciliation = preview(file, encoding);
		List<OrderId> paid = reconciliation.matched();
		paid.forEach(id -> orders.changeStatus(id, OrderStatus.PAID, actor));
		if (!paid.isEmpty()) {
			events.publishEvent(new BankTransfersReconciled(shop().value(), paid.stream().map(OrderId::number).toList(),
					encoding.charsetName(), actor));
		}
		return paid;
	}

	private static ShopId shop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop"));
	}

	/** Every line of the file with what it matched, in line order; or the errors that refuse the whole file. */
	public record Reconciliation(List<TransferMatch> rows, List<CsvError> fileErrors) {

		public Reconciliation {
			rows = List.copyOf(rows);
			fileErrors = List.copyOf(fileErrors);
		}

		public boolean readable() {
			return fileErrors.isEmpty();
		}

		public List<OrderId> matched() {
			return rows.stream().filter(row -> row.outcome().matched()).map(row -> row.order().orElseThrow()).toList();
		}

	}

}
