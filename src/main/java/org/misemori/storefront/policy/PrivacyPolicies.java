package org.misemori.storefront.policy;

import java.sql.Timestamp;
import java.util.Optional;

import org.misemori.platform.TenantContext;
import org.misemori.storefront.PrivacyPolicyChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current shop's privacy policy text (row-level security picks the shop); each change audited. */
@Component
@Transactional
public class PrivacyPolicies {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PrivacyPolicies(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public PrivacyPolicy current() {
		return jdbc.sql("SELECT privacy_policy, updated_at FROM storefront.shop_policy")
			.query((rs, n) -> new PrivacyPolicy(rs.getString(1), Optional.of(rs.getTimestamp(2)).map(Timestamp::toInstant)))
			.optional()
			.orElse(new PrivacyPolicy("", Optional.empty()));
	}

	/**
	 * Saves {@code text} (line breaks normalised, trailing blanks removed); false, and nothing
	 * recorded, when it is what was there. Throws {@link IllegalArgumentException} when too long.
	 */
	public boolean save(String text, String changedBy) {
		String normalised = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
		if (normalised.length() > PrivacyPolicy.MAX_LENGTH) {
			throw new IllegalArgumentException("too long");
		}
		String before = current().text();
		if (before.equals(normalised)) {
			return false;
		}
		long shop = TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop")).value();
		jdbc.sql("""
				INSERT INTO storefront.shop_policy (shop_id, privacy_policy) VALUES (:shop, :text)
				ON CONFLICT (shop_id) DO UPDATE SET privacy_policy = EXCLUDED.privacy_policy, updated_at = now()""")
			.param("shop", shop)
			.param("text", normalised)
			.update();
		events.publishEvent(new PrivacyPolicyChanged(shop, changedBy, before.length(), normalised.length()));
		return true;
	}

}
