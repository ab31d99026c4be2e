package org.misemori.payment.domain;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.misemori.payment.PaymentProvider;
import org.misemori.payment.ProviderEvent;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider's webhook, received: the signature verified over the raw bytes, the shop found
 * from the signed body, and then, in that shop's tenant context, one transaction that locks the
 * payment's row, recognises an event already seen, records a newer report, and remembers the
 * event. Duplicates, replays and late arrivals are answered as received and change nothing.
 */
@Component
public class ProviderWebhooks {

	private static final Logger log = LoggerFactory.getLogger(ProviderWebhooks.class);

	/** What became of a webhook; the controller answers each with its own HTTP status. */
	public enum Receipt {
		/** Recorded, and the payment changed. */
		APPLIED,
		/** Recorded; the payment already stood there or further (an older event). */
		STALE,
		/** This event was received before. */
		DUPLICATE,
		/** The signature does not verify, or is too old: refused, and logged. */
		REFUSED,
		/** No such payment (yet): the provider will try again. */
		UNKNOWN_PAYMENT
	}

	private final ObjectProvider<PaymentProvider> providers;

	private final ShopDirectory shops;

	private final PaymentRows rows;

	private final PaymentReports reports;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ProviderWebhooks(ObjectProvider<PaymentProvider> providers, ShopDirectory shops, PaymentRows rows,
			PaymentReports reports, PlatformTransactionManager transactionManager, Clock clock) {
		this.providers = providers;
		this.shops = shops;
		this.rows = rows;
		this.reports = reports;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public Receipt receive(String providerName, Map<String, String> headers, byte[] body) {
		PaymentProvider provider = providers.getIfAvailable();
		if (provider == null || !provider.name().equals(providerName)) {
			return Receipt.REFUSED;
		}
		Optional<ProviderEvent> verified = provider.verify(headers, body);
		if (verified.isEmpty()) {
			// Neither the body nor the header is logged: a forged body is the sender's words.
			log.warn("Webhook for provider " + providerName + " refused: its signature does not verify or is stale ("
					+ body.length + " bytes)");
			return Receipt.REFUSED;
		}
		ProviderEvent event = verified.get();
		Optional<Shop> shop = shops.findByCode(event.payment().shop());
		if (shop.isEmpty()) {
			return Receipt.UNKNOWN_PAYMENT;
		}
		return TenantContext.callAs(shop.get().id(),
				() -> transactions.execute(status -> apply(provider.name(), shop.get(), event)));
	}

	private Receipt apply(String provider, Shop shop, ProviderEvent event) {
		Optional<PaymentRows.ProviderRef> held = rows.lockByProviderId(provider, event.payment().id());
		if (held.isEmpty()) {
			return Receipt.UNKNOWN_PAYMENT;
		}
		if (rows.eventSeen(provider, event.id())) {
			return Receipt.DUPLICATE;
		}
		boolean applied = reports.record(held.get(), event.payment(), "provider:" + provider);
		rows.recordEvent(shop.id().value(), provider, event.id(), event.type(), held.get().orderId(),
				event.payment().version(), applied, clock.instant());
		return applied ? Receipt.APPLIED : Receipt.STALE;
	}

}
