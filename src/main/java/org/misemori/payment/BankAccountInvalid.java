package org.misemori.payment;

import java.util.Map;

/** What staff typed is not a bank account: each wrong field with the message key that says why. */
public class BankAccountInvalid extends RuntimeException {

	private final transient Map<String, String> problems;

	public BankAccountInvalid(Map<String, String> problems) {
		super("Bank account refused: " + problems.keySet());
		this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
	}

	/** In the form's order: field name ({@code bankName}, {@code branchName}, {@code type}, {@code number}, {@code holder}) to message key. */
	public Map<String, String> problems() {
		return problems;
	}

}
