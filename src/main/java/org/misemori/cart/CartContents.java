package org.misemori.cart;

import java.util.List;

/** What a cart holds now, in the order the lines were added, with today's catalog prices. */
public record CartContents(List<CartLine> lines) {

	public static final CartContents EMPTY = new CartContents(List.of());

	public CartContents {
		lines = List.copyOf(lines);
	}

	/** Tax-inclusive yen (総額表示): the sum of the lines at their current prices. */
	public long subtotalYen() {
		return lines.stream().mapToLong(CartLine::lineTotalYen).sum();
	}

	/** Units over all lines, for "カート (3)". */
	public int count() {
		return lines.stream().mapToInt(CartLine::quantity).sum();
	}

}
