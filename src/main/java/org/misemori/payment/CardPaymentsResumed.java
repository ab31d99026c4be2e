package org.misemori.payment;

/**
 * An operator lifted a stop of card payments; {@code reason} is the stop's own. {@code shopId}
 * and {@code shopCode} are {@code null} when the stop was for every shop.
 */
public record CardPaymentsResumed(long stopId, String operator, Long shopId, String shopCode, String reason) {
}
