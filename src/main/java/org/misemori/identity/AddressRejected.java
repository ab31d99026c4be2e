package org.misemori.identity;

import java.util.List;

import org.misemori.platform.Refusal;

/**
 * An address the book refuses, every problem at once, each naming its form field ({@code name},
 * {@code kana}, {@code phone}, {@code postalCode}, {@code prefecture}, {@code address},
 * {@code building}, or none for the book itself) and its message (ja/en). Nothing was changed.
 */
public class AddressRejected extends RuntimeException {

	private final transient List<Problem> problems;

	public AddressRejected(List<Problem> problems) {
		super(problems.toString(), null, false, false);
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	/** One field's problem; resolve its message with {@code MessageSource.getMessage(problem, locale)}. */
	public static final class Problem extends Refusal {

		private final String field;

		public Problem(String field, String messageKey, Object... arguments) {
			super(messageKey, arguments);
			this.field = field;
		}

		/** The form field, or {@code null} for a problem of the whole book. */
		public String field() {
			return field;
		}

	}

}
