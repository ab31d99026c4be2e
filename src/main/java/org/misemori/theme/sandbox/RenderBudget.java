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

	private final long deadline;

	RenderBudget(SandboxLimits limits) {
		this.limits = limits;
		this.deadline = System.nanoTime() + limits.maxRenderMillis() * 1_000_000L;
	}

	SandboxLimits limits() {
		return limits;
	}

	void checkTime() {
		if (System.nanoTime() > deadline) {
			throw new ThemeRenderProblem(Kind.TOO_SLOW, limits.maxRenderMillis());
		}
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
