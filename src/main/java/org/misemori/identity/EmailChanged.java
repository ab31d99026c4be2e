package org.misemori.identity;

/**
 * An account's email address changed (both addresses were mailed); published for the audit
 * log, which keeps no address: the account names whose it was.
 * @param account as in {@link PasswordChanged#account()}
 */
public record EmailChanged(String account, Long shopId) {
}
