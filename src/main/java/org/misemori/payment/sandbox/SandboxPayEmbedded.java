package org.misemori.payment.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Only on the embedded default ({@code misemori.database.embedded=true}) and only while no
 * provider is configured ({@code misemori.payments.sandbox.url}): a production start never
 * has the sandbox provider running beside it.
 */
class SandboxPayEmbedded implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		return environment.getProperty("misemori.database.embedded", Boolean.class, false)
				&& !StringUtils.hasText(environment.getProperty("misemori.payments.sandbox.url"));
	}

}
