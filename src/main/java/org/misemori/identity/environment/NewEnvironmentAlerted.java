package org.misemori.identity.environment;

/**
 * The holder of an account was mailed about a sign-in from an environment not seen before.
 * @param account the account's key, as in {@link org.misemori.identity.lockout.AccountKey#id()}
 * @param shopId the shop of a staff account, else {@code null}
 */
public record NewEnvironmentAlerted(String account, Long shopId, String browserFamily, String clientAddress) {
}
