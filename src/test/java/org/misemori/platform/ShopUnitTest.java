package org.misemori.platform;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ShopUnitTest {

	private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

	static Shop openShop() {
		return new Shop(new ShopId(7), new ShopCode("kissa"), "喫茶みどり", null, ShopStatus.OPEN,
				NOW.minus(Duration.ofDays(400)), null, null, null);
	}

	@Test
	void closingKeepsTheDataForTheRetentionPeriod() {
		Shop closed = openShop().close(90, NOW);
		assertThat(closed.status()).isEqualTo(ShopStatus.CLOSED);
		assertThat(closed.closedAt()).isEqualTo(NOW);
		assertThat(closed.purgeAfter()).isEqualTo(NOW.plus(Duration.ofDays(90)));
		assertThat(closed.isOpen()).isFalse();
	}

	@Test
	void purgingWaitsForTheEndOfRetention() {
		Shop closed = openShop().close(90, NOW);
		assertThatIllegalStateException().isThrownBy(() -> closed.markPurged(NOW.plus(Duration.ofDays(89))));
		assertThat(closed.markPurged(NOW.plus(Duration.ofDays(90))).status()).isEqualTo(ShopStatus.PURGED);
	}

	@Test
	void onlyForwardTransitionsAreAllowed() {
		assertThatIllegalStateException().isThrownBy(() -> openShop().markPurged(NOW));
		Shop closed = openShop().close(0, NOW);
		assertThatIllegalStateException().isThrownBy(() -> closed.close(0, NOW));
		Shop purged = closed.markPurged(NOW);
		assertThatIllegalStateException().isThrownBy(() -> purged.close(0, NOW));
		assertThat(ShopStatus.PURGED.canTransitionTo(ShopStatus.OPEN)).isFalse();
		assertThat(ShopStatus.CLOSED.canTransitionTo(ShopStatus.OPEN)).isFalse();
	}

	@Test
	void retentionIsBounded() {
		assertThatIllegalArgumentException().isThrownBy(() -> openShop().close(-1, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> openShop().close(3651, NOW));
	}

	@Test
	void shopCodesAreUrlAndHostSafe() {
		assertThat(ShopCode.isValid("demo")).isTrue();
		assertThat(ShopCode.isValid("tea-house-2")).isTrue();
		for (String bad : new String[] { "ab", "-demo", "demo-", "Demo", "de mo", "de/mo", "../x", "店守", "x".repeat(33) }) {
			assertThat(ShopCode.isValid(bad)).as(bad).isFalse();
		}
	}

}
