package org.misemori.identity;

/** A staff member imported members from a CSV file; published for the audit log inside the import's transaction. */
public record MembersImported(long shopId, String importer, int rows, String encoding) {
}
