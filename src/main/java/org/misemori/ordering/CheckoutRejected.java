package org.misemori.ordering;

import java.util.List;

/** Every problem of a checkout form at once, so the shopper fixes them in one go; nothing was changed. */
public class CheckoutRejected extends RuntimeException {

	private final transient List<OrderingException> problems;

	public CheckoutRejected(List<OrderingException> problems) {
		super(problems.size() + " checkout problem(s): " + problems.stream().map(OrderingException::messageKey).toList());
		this.problems = List.copyOf(problems);
	}

	public List<OrderingException> problems() {
		return problems;
	}

}
