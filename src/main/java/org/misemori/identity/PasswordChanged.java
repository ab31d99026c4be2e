package org.misemori.identity;

/**
 * Someone changed their own password (the holder was mailed, their other sessions ended);
 * published for the audit log.
 * @param account {@code operator:<login ID>}, {@code <shop code>/<login ID>} or {@code member:<shop>:<id>}
 * @param shopId the shop of a staff member or member, else {@code null}
 */
public record PasswordChanged(String account, Long shopId) {
}
