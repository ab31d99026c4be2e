package org.misemori.identity;

/** A person was invited to a shop's staff; published for the audit log. */
public record StaffInvited(long shopId, String loginId, boolean owner, String invitedBy) {
}
