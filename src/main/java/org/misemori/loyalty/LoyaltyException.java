package org.misemori.loyalty;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal with the message key (ja/en) that tells the shopper or the owner exactly why, and
 * its arguments: resolve it with {@code MessageSource.getMessage(ex, locale)}. The loyalty
 * services throw it before writing anything and do not mark the caller's transaction for
 * rollback, so checkout may show the message and carry on.
 */
public class LoyaltyException extends RuntimeException implements MessageSourceResolvable {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient Object[] args;

	public LoyaltyException(String messageKey, Object... args) {
		super(messageKey + Arrays.toString(args));
		this.messageKey = messageKey;
		this.args = args.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return args.clone();
	}

	@Override
	public String getDefaultMessage() {
		return messageKey;
	}

}
