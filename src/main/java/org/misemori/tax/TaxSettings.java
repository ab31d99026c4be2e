package org.misemori.tax;

import java.util.Objects;
import java.util.Optional;

/**
 * A shop's tax settings.
 * @param registrationNumber empty until the shop is a registered 適格請求書発行事業者
 */
public record TaxSettings(Rounding rounding, Optional<InvoiceRegistrationNumber> registrationNumber) {

	/** A shop that never opened its tax settings: truncation, no number. */
	public static final TaxSettings DEFAULTS = new TaxSettings(Rounding.FLOOR, Optional.empty());

	public TaxSettings {
		Objects.requireNonNull(rounding, "rounding");
		registrationNumber = Objects.requireNonNullElse(registrationNumber, Optional.empty());
	}

}
