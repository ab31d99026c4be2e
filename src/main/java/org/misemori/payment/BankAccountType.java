package org.misemori.payment;

/** 普通 (ordinary, the usual account of a shop) or 当座 (checking), as a bank's transfer screen asks. */
public enum BankAccountType {

	ORDINARY, CHECKING;

	public String messageKey() {
		return "payment.bank.type." + name();
	}

}
