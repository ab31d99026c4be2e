package org.misemori.theme.sandbox;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads renders run on: liqp renders on an executor to time a render out. Shared and
 * cached: no thread is built per page, and a render never waits in a queue (time in a queue
 * would count against it). While a thread runs a task of a render it carries that render's
 * {@link Sandbox}, which the parser's shared filters and render transformer read.
 */
final class RenderThreads {

	private static final ExecutorService THREADS = Executors.newCachedThreadPool(new Named());

	private static final ThreadLocal<Sandbox> RENDERING = new ThreadLocal<>();

	private RenderThreads() {
	}

	static Sandbox current() {
		Sandbox sandbox = RENDERING.get();
		if (sandbox == null) {
			throw new IllegalStateException("Not in a sandboxed render");
		}
		return sandbox;
	}

	/** An executor for liqp whose tasks run with {@code sandbox} as the current render. */
	static ExecutorService boundTo(Sandbox sandbox) {
		return new Bound(sandbox);
	}

	private static final class Bound extends AbstractExecutorService {

		private final Sandbox sandbox;

		Bound(Sandbox sandbox) {
			this.sandbox = sandbox;
		}

		@Override
		public void execute(Runnable task) {
			THREADS.execute(() -> {
				RENDERING.set(sandbox);
				try {
					task.run();
				}
				finally {
					RENDERING.remove();
				}
			});
		}

		@Override
		public void shutdown() {
		}

		@Override
		public List<Runnable> shutdownNow() {
			return List.of();
		}

		@Override
		public boolean isShutdown() {
			return false;
		}

		@Override
		public boolean isTerminated() {
			return false;
		}

		@Override
		public boolean awaitTermination(long timeout, TimeUnit unit) {
			return false;
		}

	}

	private static final class Named implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable work) {
			Thread thread = new Thread(work, "theme-render-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
