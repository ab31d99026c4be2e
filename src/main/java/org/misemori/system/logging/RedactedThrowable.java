package org.misemori.system.logging;

import java.util.Arrays;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/** An exception chain with every message redacted; class names and frames are kept for debugging. */
final class RedactedThrowable implements IThrowableProxy {

	private final IThrowableProxy original;

	private final IThrowableProxy cause;

	private final IThrowableProxy[] suppressed;

	private RedactedThrowable(IThrowableProxy original) {
		this.original = original;
		// Logback's proxies form a finite tree (a cycle ends in a proxy without a cause).
		this.cause = of(original.getCause());
		this.suppressed = original.getSuppressed() == null ? null
				: Arrays.stream(original.getSuppressed()).map(RedactedThrowable::of).toArray(IThrowableProxy[]::new);
	}

	static IThrowableProxy of(IThrowableProxy original) {
		return original == null || original instanceof RedactedThrowable ? original : new RedactedThrowable(original);
	}

	@Override
	public String getMessage() {
		return SensitiveText.redact(original.getMessage());
	}

	@Override
	public String getOverridingMessage() {
		return SensitiveText.redact(original.getOverridingMessage());
	}

	@Override
	public String getClassName() {
		return original.getClassName();
	}

	@Override
	public StackTraceElementProxy[] getStackTraceElementProxyArray() {
		return original.getStackTraceElementProxyArray();
	}

	@Override
	public int getCommonFrames() {
		return original.getCommonFrames();
	}

	@Override
	public IThrowableProxy getCause() {
		return cause;
	}

	@Override
	public IThrowableProxy[] getSuppressed() {
		return suppressed;
	}

	@Override
	public boolean isCyclic() {
		return original.isCyclic();
	}

}
