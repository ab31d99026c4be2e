package org.misemori.platform.domain;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.misemori.platform.ShopDataEraser;
import org.misemori.platform.ShopId;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An eraser that crashes the purge of one chosen shop once, after every real eraser ran (so
 * their deletions are in the transaction the crash must undo). Idle unless a test arms it.
 */
@TestComponent
@Order(Ordered.LOWEST_PRECEDENCE)
public class CrashingShopEraser implements ShopDataEraser {

	private static final AtomicLong ARMED_FOR = new AtomicLong();

	static void crashOnceFor(ShopId shop) {
		ARMED_FOR.set(shop.value());
	}

	@Override
	public Map<String, Integer> erase(ShopId shop, JdbcClient crossShop) {
		if (ARMED_FOR.compareAndSet(shop.value(), 0)) {
			throw new IllegalStateException("simulated crash in the middle of purging shop " + shop.value());
		}
		return Map.of();
	}

}
