package org.misemori.identity;

/** A staff member exported the shop's members; published for the audit log before the file leaves. */
public record MembersExported(long shopId, String exporter, int rows, String encoding) {

	/** The export as it was first: Shift_JIS as Windows writes it. */
	public MembersExported(long shopId, String exporter, int rows) {
		this(shopId, exporter, rows, "Windows-31J");
	}

}
