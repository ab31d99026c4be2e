package org.misemori.payment;

/** A bank account as staff typed it on the payment settings page, before it is checked. */
public record BankAccountForm(String bankName, String branchName, String type, String number, String holder) {

	public BankAccountForm {
		bankName = orEmpty(bankName);
		branchName = orEmpty(branchName);
		type = orEmpty(type);
		number = orEmpty(number);
		holder = orEmpty(holder);
	}

	public static BankAccountForm of(BankAccount account) {
		return new BankAccountForm(account.bankName(), account.branchName(), account.type().name(), account.number(),
				account.holder());
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
