package org.misemori.payment;

/**
 * An operator stopped card payments. {@code shopId} and {@code shopCode} are {@code null} when
 * the stop is for every shop.
 */
public record CardPaymentsStopped(long stopId, String operator, Long shopId, String shopCode, String reason) {
}
