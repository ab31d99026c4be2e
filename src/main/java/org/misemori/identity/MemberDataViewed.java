package org.misemori.identity;

/** A staff member opened one member's full personal data; published for the audit log. */
public record MemberDataViewed(long shopId, String viewer, long memberId) {
}
