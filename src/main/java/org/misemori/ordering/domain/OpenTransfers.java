package org.misemori.ordering.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.misemori.ordering.OrderId;
import org.misemori.platform.ShopId;
import org.misemori.vault.PersonalDataReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shop's bank-transfer orders still waiting for their money, with the buyer's kana opened
 * (on record, for "bank transfer reconciliation") only for orders whose total some deposit has:
 * no other buyer's name is looked at.
 */
@Component
class OpenTransfers {

	static final String PURPOSE = "bank transfer reconciliation";

	private final JdbcClient jdbc;

	private final PersonalDataReader reader;

	OpenTransfers(JdbcClient jdbc, PersonalDataReader reader) {
		this.jdbc = jdbc;
		this.reader = reader;
	}

	List<TransferMatcher.OpenTransfer> ofAmounts(ShopId shop, Set<Long> amounts) {
		List<Sealed> waiting = jdbc.sql("""
				SELECT id, total, buyer_kana_sealed FROM ordering.shop_order
				WHERE status = 'RECEIVED' AND payment_method = 'BANK_TRANSFER' ORDER BY id""")
			.query((row, n) -> new Sealed(row.getLong("id"), row.getLong("total"), row.getBytes("buyer_kana_sealed")))
			.list()
			.stream()
			.filter(order -> amounts.contains(order.total()))
			.toList();
		if (waiting.isEmpty()) {
			return List.of();
		}
		List<TransferMatcher.OpenTransfer> open = new ArrayList<>();
		try (PersonalDataReader.Reading reading = reader.open(shop, OrderReading.SUBJECT, PURPOSE)) {
			for (Sealed order : waiting) {
				String kana = reading.field(OrderSeals.field("buyer_kana", order.id()), order.kana());
				open.add(new TransferMatcher.OpenTransfer(new OrderId(order.id()), order.total(), kana == null ? "" : kana));
			}
		}
		return open;
	}

	private record Sealed(long id, long total, byte[] kana) {
	}

}
