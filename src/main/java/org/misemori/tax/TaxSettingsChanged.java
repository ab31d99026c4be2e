package org.misemori.tax;

/**
 * A shop's rounding rule or registration number changed; published for the audit log, since
 * both decide what every later invoice says.
 * @param changedBy as {@code <shop code>/<login ID>}
 */
public record TaxSettingsChanged(long shopId, String changedBy, String before, String after) {

}
