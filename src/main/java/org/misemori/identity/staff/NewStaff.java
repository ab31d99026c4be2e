package org.misemori.identity.staff;

/** Whom to invite: their login ID (not an email address), name, email, and whether they own the shop. */
public record NewStaff(String loginId, String displayName, String email, boolean owner) {
}
