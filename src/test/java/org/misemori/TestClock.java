package org.misemori;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: the real time, plus an offset a test may move
 * forward (a deadline passing, a link expiring) without waiting. It runs on, so code that
 * measures durations still sees time pass. A test that moves it puts it back with
 * {@link #reset()} (all integration tests share one context).
 */
public class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), offset.get());
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	public void advance(Duration by) {
		offset.accumulateAndGet(by, Duration::plus);
	}

	public void reset() {
		offset.set(Duration.ZERO);
	}

	/** Replaces the application's system clock in the shared integration-test context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Wiring {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
