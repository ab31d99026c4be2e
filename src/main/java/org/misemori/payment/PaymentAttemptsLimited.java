package org.misemori.payment;

import java.time.Duration;

/**
 * A limit on card payment attempts tripped: published once per key and window, not once per
 * refused attempt, so whoever listens (the audit log now, a watch module later) hears of an
 * attack once. {@code limit} is {@code ADDRESS}, {@code MEMBER} or {@code SHOP}; {@code key}
 * names what was limited (an address or its /64, a member reference, a shop id).
 */
public record PaymentAttemptsLimited(String limit, String key, long shopId, int allowed, Duration window) {
}
