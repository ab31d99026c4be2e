package org.misemori.identity.password;

/**
 * Its holder set a new password for an account (a reset link, or a forced change at sign-in).
 * Published inside the transaction that stored it, so whatever listens (a reset campaign
 * marking the account done) commits with it.
 * @param shopId the shop of a staff or member account, {@code null} for an operator
 */
public record PasswordReplaced(AccountKind kind, Long shopId, long accountId) {
}
