package org.misemori.ordering;

/** Staff downloaded orders with their buyers' personal data; {@code orders} and {@code lines} count what the file holds. */
public record OrdersExported(long shopId, String actor, int orders, int lines, String encoding) {
}
