package org.misemori.ordering.domain;

import java.time.LocalDate;

/** One deposit on the bank's statement: the line it is on in the uploaded file, its day, amount and payer (振込依頼人名). */
public record BankDeposit(long line, LocalDate date, long amount, String payer) {
}
