package org.misemori.payment.sandbox;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The sandbox provider is Misemori's provider when its address and secrets are configured, or
 * on the embedded default, where Misemori starts it beside itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxPaySettings.class)
class SandboxPayConfiguration {

	@Bean
	@Conditional(SandboxPayEmbedded.class)
	EmbeddedSandboxPay embeddedSandboxPay(Environment environment) {
		return new EmbeddedSandboxPay(environment.getProperty("misemori.payments.sandbox.embedded-port", Integer.class, 0),
				environment.getProperty("misemori.public-url", ""));
	}

	@Bean
	@Conditional(SandboxPayConfigured.class)
	SandboxPayProvider sandboxPayProvider(SandboxPaySettings configured, ObjectProvider<EmbeddedSandboxPay> embedded,
			Clock clock) {
		EmbeddedSandboxPay beside = embedded.getIfAvailable();
		return new SandboxPayProvider(beside == null ? configured : beside.settings(), JsonMapper.builder().build(), clock);
	}

}
