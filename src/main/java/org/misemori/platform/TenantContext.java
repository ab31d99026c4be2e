package org.misemori.platform;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The shop the current work is done for. The web layer sets it per request from the URL or
 * host; jobs set it explicitly. Every transaction on the runtime database role carries it to
 * PostgreSQL, whose row-level security then shows that shop's rows and no other. No context,
 * no tenant rows.
 */
public final class TenantContext {

	private static final ThreadLocal<ShopId> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	public static Optional<ShopId> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Runs {@code work} for {@code shop}, restoring whatever context was there before. */
	public static <T> T callAs(ShopId shop, Supplier<T> work) {
		ShopId previous = CURRENT.get();
		CURRENT.set(shop);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	public static void runAs(ShopId shop, Runnable work) {
		callAs(shop, () -> {
			work.run();
			return null;
		});
	}

	private static void restore(ShopId previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
