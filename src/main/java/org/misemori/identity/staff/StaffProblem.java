package org.misemori.identity.staff;

import java.util.List;

/** A staff request that the person can correct: a message key and its arguments. */
public class StaffProblem extends RuntimeException {

	private final String messageKey;

	private final transient List<Object> arguments;

	StaffProblem(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
