package org.misemori.catalog;

import org.misemori.platform.Refusal;

/**
 * Input the catalog refuses, with the message key that tells the owner (or shopper) exactly
 * what is wrong, in their language. Resolve it with {@code MessageSource.getMessage(ex, locale)}.
 */
public class CatalogException extends Refusal {

	public CatalogException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
