package org.misemori.ordering;

import java.util.List;

/** Staff marked bank-transfer orders paid from the bank's deposit CSV, all in one transaction (audited once). */
public record BankTransfersReconciled(long shopId, List<String> orders, String encoding, String actor) {

	public BankTransfersReconciled {
		orders = List.copyOf(orders);
	}

}
