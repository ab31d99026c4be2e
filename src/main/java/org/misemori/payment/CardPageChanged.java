package org.misemori.payment;

/** Staff changed where the shop's shoppers type their card (audited). */
public record CardPageChanged(long shopId, CardPage before, CardPage after, String actor) {
}
