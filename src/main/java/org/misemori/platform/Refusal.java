package org.misemori.platform;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input or a request a module refuses, with the message key (ja/en) that tells the person
 * exactly what is wrong, and its arguments. Resolve it with
 * {@code MessageSource.getMessage(refusal, locale)}. Each module names its own subclass
 * ({@code CatalogException}, {@code CartException}, …), so a caller catches only what it
 * expects; nothing was changed when one is thrown.
 */
public abstract class Refusal extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	private final transient Object[] arguments;

	protected Refusal(String messageKey, Object... arguments) {
		// No stack trace: a refusal is an answer, not a fault, and some (a sold-out cart under
		// a rush, a bad quantity) are thrown often.
		super(messageKey + Arrays.toString(arguments), null, false, false);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return messageKey;
	}

}
