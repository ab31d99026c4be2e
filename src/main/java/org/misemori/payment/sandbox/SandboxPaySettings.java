package org.misemori.payment.sandbox;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the sandbox provider is and the merchant's two secrets. On the embedded default
 * Misemori starts the provider itself and makes up both secrets at each start; elsewhere they
 * come from the environment, never from a file in the repository.
 */
@ConfigurationProperties("misemori.payments.sandbox")
record SandboxPaySettings(URI url, String apiKey, String webhookSecret) {
}
