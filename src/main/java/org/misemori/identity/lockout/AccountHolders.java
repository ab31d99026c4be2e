package org.misemori.identity.lockout;

import java.util.Optional;

/**
 * Where the holder of an account is told that it was locked. Each kind of account that can be
 * locked provides one; an attempted name that matches no account has no holder, and its lock
 * sends no mail.
 */
public interface AccountHolders {

	/** The holder's mail address, if {@code account} is of a kind this handles and exists. */
	Optional<String> mailAddressOf(AccountKey account);

}
