package org.misemori.loyalty;

import org.misemori.platform.Refusal;

/**
 * A refusal with the message key (ja/en) that tells the shopper or the owner exactly why, and
 * its arguments: resolve it with {@code MessageSource.getMessage(ex, locale)}. The loyalty
 * services throw it before writing anything and do not mark the caller's transaction for
 * rollback, so checkout may show the message and carry on.
 */
public class LoyaltyException extends Refusal {

	public LoyaltyException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
