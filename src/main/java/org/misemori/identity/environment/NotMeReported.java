package org.misemori.identity.environment;

/**
 * Someone holding an alert's "this was not me" link used it: the account's sessions were ended
 * and its password invalidated.
 * @param account the account's key, as in {@link org.misemori.identity.lockout.AccountKey#id()}
 * @param shopId the shop of a staff account, else {@code null}
 */
public record NotMeReported(String account, Long shopId, int sessionsEnded, String clientAddress) {
}
