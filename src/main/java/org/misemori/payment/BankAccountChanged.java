package org.misemori.payment;

/** Staff saved the shop's bank account (audited with before and after; empty before: none was saved). */
public record BankAccountChanged(long shopId, String before, String after, String actor) {
}
