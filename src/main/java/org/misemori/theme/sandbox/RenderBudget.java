package org.misemori.theme.sandbox;

import java.util.Collection;

import org.misemori.theme.ThemeRenderProblem;
import org.misemori.theme.ThemeRenderProblem.Kind;

/**
 * One render's budget of time and size, checked at every filter and every piece of output.
 * liqp's own time limit only stops waiting for a render ({@code Future.get} with a timeout);
 * this stops the render itself, and catches strings doubled through {@code assign} and
 * {@code append}, which never pass liqp's output-size check.
 */
final class RenderBudget {

	private final SandboxLimits limits;

	/** Set when rendering starts: parsing (bounded by the template size limit) is not counted. */
	private long deadline = Long.MAX_VALUE;

	RenderBudget(SandboxLimits limits) {
		this.limits = limits;
	}

	/** Starts the clock at the first render; the page and its layout share one time limit. */
	void start() {
		if (deadline == Long.MAX_VALUE) {
			deadline = System.nanoTime() + limits.maxRenderMillis() * 1_000_000L;
		}
	}

	SandboxLimits limits() {
		return limits;
	}

	void checkTime() {
		if (System.nanoTime() - deadline > 0) {
			throw new ThemeRenderProblem(Kind.TOO_SLOW, limits.maxRenderMillis());
		}
	}

	/**
	 * Before a filter runs: its input and arguments together within the limits, so that a
	 * filter slow on large input (liqp's {@code concat} is quadratic) is never handed one.
	 */
	void checkInputs(Object value, Object... params) {
		long chars = length(value);
		long elements = elements(value);
		for (Object param : params) {
			chars += length(param);
			elements += elements(param);
		}
		if (chars > limits.maxOutputChars() || elements > limits.maxListSize()) {
			throw new ThemeRenderProblem(Kind.OUTPUT_TOO_LARGE, limits.maxOutputChars());
		}
	}

	private static long length(Object value) {
		return value instanceof CharSequence text ? text.length() : value instanceof SafeHtml safe ? safe.html().length() : 0;
	}

	private static long elements(Object value) {
		return value instanceof Collection<?> list ? list.size() : value instanceof Object[] array ? array.length : 0;
	}

	void checkSize(Object value) {
		if (value instanceof CharSequence text && text.length() > limits.maxOutputChars()
				|| value instanceof SafeHtml safe && safe.html().length() > limits.maxOutputChars()) {
			throw new ThemeRenderProblem(Kind.OUTPUT_TOO_LARGE, limits.maxOutputChars());
		}
		if (value instanceof Collection<?> list && list.size() > limits.maxListSize()) {
			throw new ThemeRenderProblem(Kind.OUTPUT_TOO_LARGE, limits.maxOutputChars());
		}
	}

}
