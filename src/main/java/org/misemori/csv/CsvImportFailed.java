package org.misemori.csv;

/**
 * A row that passed the preview but failed while being imported (a SKU another product took
 * meanwhile, say). Thrown out of the import's transaction, so that nothing of the file stays.
 */
public class CsvImportFailed extends RuntimeException {

	private final transient CsvError error;

	public CsvImportFailed(CsvError error, Throwable cause) {
		super("Import failed at line " + error.line() + ": " + error.message(), cause);
		this.error = error;
	}

	public CsvError error() {
		return error;
	}

}
