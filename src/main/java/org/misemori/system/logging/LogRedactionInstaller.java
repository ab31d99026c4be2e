package org.misemori.system.logging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Puts {@link RedactingAppender} in front of every appender of every logger, right after
 * Spring Boot has configured logging (and again each time it does, as when tests start several
 * contexts in one JVM). Registered in {@code META-INF/spring.factories}, not as a bean: logging
 * is configured before any bean exists, and redaction is on in every environment, with no
 * setting that turns it off.
 */
public final class LogRedactionInstaller implements GenericApplicationListener {

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		install();
	}

	/** Just after Boot's own logging listener, which (re)builds the appenders. */
	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	static void install() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		for (Logger logger : context.getLoggerList()) {
			wrapAppendersOf(logger, context);
		}
	}

	private static void wrapAppendersOf(Logger logger, LoggerContext context) {
		List<Appender<ILoggingEvent>> plain = new ArrayList<>();
		for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
			Appender<ILoggingEvent> appender = it.next();
			if (!(appender instanceof RedactingAppender)) {
				plain.add(appender);
			}
		}
		if (plain.isEmpty()) {
			return;
		}
		RedactingAppender redaction = existingOrNew(logger, context);
		for (Appender<ILoggingEvent> appender : plain) {
			logger.detachAppender(appender);
			redaction.addAppender(appender);
		}
	}

	private static RedactingAppender existingOrNew(Logger logger, LoggerContext context) {
		if (logger.getAppender(RedactingAppender.NAME) instanceof RedactingAppender existing) {
			return existing;
		}
		RedactingAppender redaction = new RedactingAppender();
		redaction.setContext(context);
		redaction.start();
		logger.addAppender(redaction);
		return redaction;
	}

}
