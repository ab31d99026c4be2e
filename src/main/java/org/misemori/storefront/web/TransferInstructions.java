package org.misemori.storefront.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.misemori.ordering.PaymentMethod;
import org.misemori.ordering.PlacedOrder;
import org.misemori.payment.BankAccounts;

import org.springframework.stereotype.Component;

/**
 * Where a bank-transfer order is paid, as plain values for the theme's order-complete page: the
 * shop's account, the amount, the last day ({@link BankAccounts#DAYS_TO_PAY} days after the order,
 * Japan's calendar, as the confirmation mail says) and the order number to put before the
 * payer's name. Empty for other methods; only {@code later} when the shop has saved no account (it will tell
 * the shopper itself).
 */
@Component
class TransferInstructions {

	private final BankAccounts bankAccounts;

	TransferInstructions(BankAccounts bankAccounts) {
		this.bankAccounts = bankAccounts;
	}

	Map<String, Object> of(PlacedOrder order, CheckoutView view) {
		if (order.payment() != PaymentMethod.BANK_TRANSFER) {
			return Map.of();
		}
		return bankAccounts.current().<Map<String, Object>>map(account -> {
			LocalDate payBy = LocalDate.ofInstant(order.placedAt(), ZoneId.of("Asia/Tokyo"))
				.plusDays(BankAccounts.DAYS_TO_PAY);
			Map<String, Object> instructions = new LinkedHashMap<>();
			instructions.put("bank", account.bankName());
			instructions.put("branch", account.branchName());
			instructions.put("type_label", view.message(account.type().messageKey()));
			instructions.put("number", account.number());
			instructions.put("holder", account.holder());
			instructions.put("amount_label", ShopperView.yen(order.total()));
			instructions.put("pay_by", DateTimeFormatter.ISO_LOCAL_DATE.format(payBy));
			instructions.put("days", BankAccounts.DAYS_TO_PAY);
			instructions.put("order_number", order.id().number());
			return instructions;
		}).orElse(Map.of("later", true));
	}

}
