package org.misemori.payment.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The three settings are there (an address and both secrets), or the provider runs beside Misemori. */
class SandboxPayConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		return new SandboxPayEmbedded().matches(context, metadata)
				|| StringUtils.hasText(environment.getProperty("misemori.payments.sandbox.url"))
						&& StringUtils.hasText(environment.getProperty("misemori.payments.sandbox.api-key"))
						&& StringUtils.hasText(environment.getProperty("misemori.payments.sandbox.webhook-secret"));
	}

}
