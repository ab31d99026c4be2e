package org.misemori.payment.sandbox;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The sandbox provider is Misemori's provider when its address and secrets are configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxPaySettings.class)
class SandboxPayConfiguration {

	@Bean
	@Conditional(SandboxPayConfigured.class)
	SandboxPayProvider sandboxPayProvider(SandboxPaySettings settings, Clock clock) {
		return new SandboxPayProvider(settings, JsonMapper.builder().build(), clock);
	}

}
