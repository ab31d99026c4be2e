package org.misemori.system.logging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event as the appenders behind {@link RedactingAppender} see it: the formatted
 * message, the exception chain's messages, MDC values and key-value pairs redacted; the raw
 * arguments withheld, so no encoder can format them again.
 */
final class RedactedEvent implements ILoggingEvent {

	private final ILoggingEvent original;

	private final String message;

	private final IThrowableProxy throwable;

	private final Map<String, String> mdc;

	private final List<KeyValuePair> keyValuePairs;

	RedactedEvent(ILoggingEvent original) {
		this.original = original;
		this.message = SensitiveText.redact(original.getFormattedMessage());
		this.throwable = RedactedThrowable.of(original.getThrowableProxy());
		this.mdc = redactedValues(original.getMDCPropertyMap());
		this.keyValuePairs = original.getKeyValuePairs() == null ? null
				: original.getKeyValuePairs()
					.stream()
					.map(pair -> new KeyValuePair(pair.key,
							pair.value == null ? null : SensitiveText.redact(pair.key + "=" + pair.value)
								.substring(pair.key.length() + 1)))
					.toList();
	}

	private static Map<String, String> redactedValues(Map<String, String> values) {
		if (values == null || values.isEmpty()) {
			return values;
		}
		Map<String, String> redacted = new LinkedHashMap<>();
		// Redacted with its key, so a value under a key named like a secret is removed too.
		values.forEach((key, value) -> redacted.put(key,
				value == null ? null : SensitiveText.redact(key + "=" + value).substring(key.length() + 1)));
		return redacted;
	}

	@Override
	public String getMessage() {
		return message;
	}

	@Override
	public Object[] getArgumentArray() {
		return null;
	}

	@Override
	public String getFormattedMessage() {
		return message;
	}

	@Override
	public IThrowableProxy getThrowableProxy() {
		return throwable;
	}

	@Override
	public Map<String, String> getMDCPropertyMap() {
		return mdc;
	}

	@Override
	@Deprecated
	public Map<String, String> getMdc() {
		return mdc;
	}

	@Override
	public List<KeyValuePair> getKeyValuePairs() {
		return keyValuePairs;
	}

	@Override
	public String getThreadName() {
		return original.getThreadName();
	}

	@Override
	public Level getLevel() {
		return original.getLevel();
	}

	@Override
	public String getLoggerName() {
		return original.getLoggerName();
	}

	@Override
	public LoggerContextVO getLoggerContextVO() {
		return original.getLoggerContextVO();
	}

	@Override
	public StackTraceElement[] getCallerData() {
		return original.getCallerData();
	}

	@Override
	public boolean hasCallerData() {
		return original.hasCallerData();
	}

	@Override
	public List<Marker> getMarkerList() {
		return original.getMarkerList();
	}

	@Override
	public long getTimeStamp() {
		return original.getTimeStamp();
	}

	@Override
	public int getNanoseconds() {
		return original.getNanoseconds();
	}

	@Override
	public Instant getInstant() {
		return original.getInstant();
	}

	@Override
	public long getSequenceNumber() {
		return original.getSequenceNumber();
	}

	@Override
	public void prepareForDeferredProcessing() {
		original.prepareForDeferredProcessing();
	}

}
