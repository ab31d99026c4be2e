package org.misemori.system.logging;

import java.util.Iterator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;

/**
 * Stands in front of the appenders Spring Boot configured (console and file, plain or
 * structured) and hands them only {@link RedactedEvent}s. Wrapping the appenders rather than
 * a pattern converter is what makes this hold for every encoder, every logger and every
 * third-party library's messages, including HTTP wire logs when someone turns them on.
 */
final class RedactingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
		implements AppenderAttachable<ILoggingEvent> {

	static final String NAME = "MISEMORI_REDACTION";

	private final AppenderAttachableImpl<ILoggingEvent> delegates = new AppenderAttachableImpl<>();

	RedactingAppender() {
		setName(NAME);
	}

	@Override
	protected void append(ILoggingEvent event) {
		delegates.appendLoopOnAppenders(new RedactedEvent(event));
	}

	@Override
	public void stop() {
		super.stop();
		delegates.detachAndStopAllAppenders();
	}

	@Override
	public void addAppender(Appender<ILoggingEvent> appender) {
		delegates.addAppender(appender);
	}

	@Override
	public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
		return delegates.iteratorForAppenders();
	}

	@Override
	public Appender<ILoggingEvent> getAppender(String name) {
		return delegates.getAppender(name);
	}

	@Override
	public boolean isAttached(Appender<ILoggingEvent> appender) {
		return delegates.isAttached(appender);
	}

	@Override
	public void detachAndStopAllAppenders() {
		delegates.detachAndStopAllAppenders();
	}

	@Override
	public boolean detachAppender(Appender<ILoggingEvent> appender) {
		return delegates.detachAppender(appender);
	}

	@Override
	public boolean detachAppender(String name) {
		return delegates.detachAppender(name);
	}

}
