package org.misemori.vault;

/**
 * Where an encrypted value lives: its table, column and row. Bound into the ciphertext (with
 * the shop) as associated data, so a ciphertext copied to another row, column or shop does not
 * decrypt. {@code rowKey} must be fixed for the row's life (its id, never a mutable value).
 */
public record FieldRef(String table, String column, String rowKey) {

	public FieldRef {
		if (table == null || table.isBlank() || column == null || column.isBlank() || rowKey == null
				|| rowKey.isBlank()) {
			throw new IllegalArgumentException("A field reference needs a table, a column and a row key");
		}
	}

	public static FieldRef of(String table, String column, long rowId) {
		return new FieldRef(table, column, Long.toString(rowId));
	}

}
