package org.misemori.vault;

import java.util.function.UnaryOperator;

import org.misemori.platform.ShopId;

/**
 * The one way to see a personal value in plain text. A reading is opened for one reason (a
 * screen, an export, a mail), opens as many sealed fields as it needs, and on close is recorded
 * once — who, from which session and address, which shop, which records, which fields, why —
 * so that "was it read, and whose?" is a query when an incident comes.
 */
public interface PersonalDataReader {

	/** A reading by whoever is signed in on this thread (or {@code system} when nobody is). */
	Reading open(ShopId shop, String subjectKind, String purpose);

	/** A reading on behalf of a named principal, such as a shopper who is being signed in. */
	Reading openAs(String principal, ShopId shop, String subjectKind, String purpose);

	/** Opened fields of one shop, for one purpose; {@link #close()} records what was seen. */
	interface Reading extends AutoCloseable {

		/**
		 * The plain value, or {@code null} for a field never filled in.
		 * @throws SealedFieldMismatchException if the value does not belong to this shop and place
		 */
		String field(FieldRef field, byte[] sealed);

		/**
		 * Only the masked form of a value (such as {@code ta***@example.jp}): the plain value
		 * never leaves the vault, and the record says the field was shown masked.
		 */
		String masked(FieldRef field, byte[] sealed, UnaryOperator<String> mask);

		@Override
		void close();

	}

}
