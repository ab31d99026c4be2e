package org.misemori.tax;

import java.util.Optional;

import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the current shop's tax settings. No WHERE on shop_id when reading:
 * row-level security keeps it to the current shop. A change is audited in the same
 * transaction (the audit listener is synchronous), so no change goes unrecorded.
 */
@Service
public class ShopTaxSettings {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ShopTaxSettings(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public TaxSettings current() {
		return jdbc.sql("SELECT rounding, registration_number FROM tax.shop_tax_settings")
			.query((row, n) -> new TaxSettings(Rounding.valueOf(row.getString("rounding")),
					Optional.ofNullable(row.getString("registration_number")).map(InvoiceRegistrationNumber::new)))
			.optional()
			.orElse(TaxSettings.DEFAULTS);
	}

	/** Saves {@code settings} for the current shop; an unchanged save records nothing. */
	@Transactional
	public void update(TaxSettings settings, String changedBy) {
		ShopId shop = TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop"));
		TaxSettings before = current();
		if (before.equals(settings)) {
			return;
		}
		jdbc.sql("""
				INSERT INTO tax.shop_tax_settings (shop_id, rounding, registration_number, updated_at)
				VALUES (:shop, :rounding, :number, now())
				ON CONFLICT (shop_id) DO UPDATE
				   SET rounding = EXCLUDED.rounding, registration_number = EXCLUDED.registration_number,
				       updated_at = EXCLUDED.updated_at""")
			.param("shop", shop.value())
			.param("rounding", settings.rounding().name())
			.param("number", settings.registrationNumber().map(InvoiceRegistrationNumber::value).orElse(null))
			.update();
		events.publishEvent(new TaxSettingsChanged(shop.value(), changedBy, describe(before), describe(settings)));
	}

	/** The registration number is public (国税庁 publishes it), so the audit detail may carry it. */
	private static String describe(TaxSettings settings) {
		return settings.rounding() + "/" + settings.registrationNumber().map(InvoiceRegistrationNumber::value).orElse("none");
	}

}
