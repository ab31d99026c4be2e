package org.misemori.notify.dev;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Only on the embedded default ({@code misemori.database.embedded=true}, set by the embedded
 * database) and only while no mail server is configured ({@code spring.mail.host}). Anything
 * else, a production start included, has neither the in-process mail server nor its page.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnEmbeddedMail.OnEmbeddedMail.class)
@interface ConditionalOnEmbeddedMail {

	class OnEmbeddedMail implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			return environment.getProperty("misemori.database.embedded", Boolean.class, false)
					&& !StringUtils.hasText(environment.getProperty("spring.mail.host"));
		}

	}

}
