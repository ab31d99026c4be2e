package org.misemori.ordering.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.misemori.ordering.OrderId;
import org.misemori.ordering.PaymentMethod;
import org.misemori.ordering.Quote;
import org.misemori.payment.BankAccount;
import org.misemori.payment.BankAccounts;
import org.misemori.platform.Shop;
import org.misemori.shipping.DeliverySlot;
import org.misemori.tax.RateTotal;
import org.misemori.tax.ReceiptFacts;

import org.springframework.context.MessageSource;

/** One language's text of an order confirmation: the goods, the money per tax rate, payment and delivery. */
final class OrderMailText {

	private final MessageSource messages;

	private final Locale locale;

	OrderMailText(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** @param bankAccount the shop's 振込先 with the day the transfer is due, for a bank-transfer order; empty otherwise */
	String confirmation(Shop shop, OrderId id, Quote quote, ShopperDetails shopper, String registrationNumber,
			Optional<Transfer> bankAccount) {
		StringBuilder text = new StringBuilder();
		text.append(message("ordering.mail.placed.intro", shop.name(), id.number(), shopper.name())).append("\n\n");
		for (Quote.Line line : quote.lines()) {
			text.append("  ").append(line.productTitle())
				.append(line.variantName().isEmpty() ? "" : " (" + line.variantName() + ")")
				.append(line.reduced() ? " " + ReceiptFacts.REDUCED_MARK : "")
				.append("  ").append(yen(line.unitPrice())).append(" × ").append(line.quantity())
				.append(" = ").append(yen(line.amount())).append('\n');
		}
		text.append('\n').append(message("ordering.mail.goods", yen(quote.goodsSubtotal()))).append('\n');
		if (quote.couponDiscount() > 0) {
			text.append(message("ordering.mail.coupon", quote.couponCode().orElse(""), yen(quote.couponDiscount()))).append('\n');
		}
		if (quote.pointsUsed() > 0) {
			text.append(message("ordering.mail.points", quote.pointsUsed())).append('\n');
		}
		text.append(message("ordering.mail.shipping", yen(quote.shippingFee()))).append('\n');
		if (quote.codFee() > 0) {
			text.append(message("ordering.mail.codFee", yen(quote.codFee()))).append('\n');
		}
		text.append(message("ordering.mail.total", yen(quote.total()))).append('\n');
		for (RateTotal rate : quote.rates()) {
			text.append("  ").append(message("ordering.mail.rate", rate.rate().percent(), yen(rate.total()), yen(rate.tax())))
				.append('\n');
		}
		if (quote.lines().stream().anyMatch(Quote.Line::reduced)) {
			text.append("  ").append(message(ReceiptFacts.LEGEND_KEY)).append('\n');
		}
		if (registrationNumber != null) {
			text.append("  ").append(message("ordering.mail.registrationNumber", shop.name(), registrationNumber)).append('\n');
		}
		text.append('\n').append(message("ordering.mail.payment", message(quote.payment().messageKey()))).append('\n');
		text.append(bankAccount.filter(transfer -> quote.payment() == PaymentMethod.BANK_TRANSFER)
			.map(transfer -> transferText(transfer, id, quote, shopper))
			.orElseGet(() -> message("ordering.mail.payment." + quote.payment().name() + ".note"))).append("\n\n");
		text.append(message("ordering.mail.delivery", shopper.recipientName(), postalCode(shopper.postalCode()),
				shopper.prefecture().japaneseName(), shopper.address(), shopper.building()))
			.append('\n');
		text.append(message("ordering.mail.deliveryTime", deliveryTime(quote)));
		if (quote.pointsToEarn() > 0) {
			text.append('\n').append(message("ordering.mail.pointsEarned", quote.pointsToEarn()));
		}
		return text.toString();
	}

	/** "2026-11-25 14〜16時", "14〜16時", or "指定なし" when the shopper left both open. */
	private String deliveryTime(Quote quote) {
		String date = quote.deliveryDate().map(DateTimeFormatter.ISO_LOCAL_DATE::format).orElse("");
		String slot = quote.deliverySlot().flatMap(DeliverySlot::fromCode).map(s -> s.label(locale)).orElse("");
		String both = (date + " " + slot).strip();
		return both.isEmpty() ? message("ordering.mail.unspecified") : both;
	}

	/**
	 * Where to transfer, how much and by when, with the order number to put before the payer's
	 * name (Japanese banks print the payer name on the shop's statement: the number finds the order).
	 */
	private String transferText(Transfer transfer, OrderId id, Quote quote, ShopperDetails shopper) {
		BankAccount account = transfer.account();
		return message("ordering.mail.bankTransfer.account", account.bankName(), account.branchName(),
				message(account.type().messageKey()), account.number(), account.holder(), yen(quote.total()),
				transfer.payBy().format(locale.getLanguage().equals("ja") ? DateTimeFormatter.ofPattern("yyyy年M月d日")
						: DateTimeFormatter.ISO_LOCAL_DATE),
				id.number(), shopper.kana(), String.valueOf(BankAccounts.DAYS_TO_PAY));
	}

	/** The shop's account and the last day to transfer. */
	record Transfer(BankAccount account, LocalDate payBy) {
	}

	/** 1000001 → 100-0001, as addresses are written. */
	static String postalCode(String digits) {
		return digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : digits;
	}

	private String yen(long amount) {
		return "¥" + String.format(Locale.ROOT, "%,d", amount);
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
