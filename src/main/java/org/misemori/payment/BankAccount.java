package org.misemori.payment;

/**
 * The account a shop's shoppers transfer to (振込先), valid and normalised: the account number
 * is seven digits, the holder (口座名義) full-width katakana. Made from what staff typed by
 * {@link BankAccounts#change}, which names each field that is wrong.
 */
public record BankAccount(String bankName, String branchName, BankAccountType type, String number, String holder) {

	public BankAccount {
		if (bankName.isBlank() || branchName.isBlank() || holder.isBlank() || !number.matches("[0-9]{7}")) {
			throw new IllegalArgumentException("Not a bank account");
		}
	}

}
