package org.misemori.identity.staff;

/** A line of the staff list. */
public record StaffSummary(String loginId, String displayName, boolean owner, boolean active) {
}
