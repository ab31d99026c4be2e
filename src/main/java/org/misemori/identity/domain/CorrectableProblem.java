package org.misemori.identity.domain;

import java.util.List;

/**
 * A refusal the person can put right: a message key (shown in their language) and its
 * arguments. Forms catch it and show the message beside what they typed.
 */
public class CorrectableProblem extends RuntimeException {

	private final String messageKey;

	private final transient List<Object> arguments;

	protected CorrectableProblem(String messageKey, Object... arguments) {
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
