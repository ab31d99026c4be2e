package org.misemori.identity;

/** A staff member exported the shop's members; published for the audit log before the file leaves. */
public record MembersExported(long shopId, String exporter, int rows) {
}
