package org.misemori.payment;

import java.util.Optional;

/**
 * The current shop's bank account for bank-transfer orders (振込先), set by staff with the
 * SETTINGS permission and read by checkout's completion page and confirmation mail.
 */
public interface BankAccounts {

	/** How many days after the order the shopper is asked to transfer by (the mail and page say so). */
	int DAYS_TO_PAY = 7;

	/** The shop's account; empty when the shop has saved none (it then tells shoppers itself). */
	Optional<BankAccount> current();

	/**
	 * Checks and saves the account, normalised, and publishes {@link BankAccountChanged}.
	 * @throws BankAccountInvalid naming every wrong field; nothing is saved then
	 */
	BankAccount change(BankAccountForm form, String actor);

}
