package org.misemori.payment;

/** A provider's notice that a payment changed, its signature already verified. */
public record ProviderEvent(String id, String type, ProviderPayment payment) {

	public ProviderEvent {
		if (id == null || !id.matches("[A-Za-z0-9_-]{4,100}")) {
			throw new IllegalArgumentException("Not a provider event id");
		}
	}

}
