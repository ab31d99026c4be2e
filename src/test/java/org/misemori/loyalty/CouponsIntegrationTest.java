package org.misemori.loyalty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Coupons as checkout uses them: each refusal with its own message, codes however typed, the
 * usage limit held under 30 racing orders, a cancelled order's use given back once.
 */
@MisemoriIntegrationTest
class CouponsIntegrationTest {

	private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	@Autowired
	Coupons coupons;

	@Autowired
	ShopAdministration administration;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Points points;

	@Autowired
	org.misemori.platform.domain.ShopPurge purge;

	@Autowired
	org.springframework.core.env.Environment environment;

	Shop shop;

	@BeforeEach
	void shopWithCoupons() {
		shop = ShopFixtures.kissaShop(administration);
		as(() -> {
			coupons.create(Coupon.of("welcome10", CouponKind.PERCENT, 10, 3_000, NOW.minus(Duration.ofDays(1)),
					NOW.plus(Duration.ofDays(365)), null), "kissa/owner");
			coupons.create(Coupon.of("LAST-3", CouponKind.FIXED_YEN, 500, 1_000, NOW.minus(Duration.ofDays(1)),
					NOW.plus(Duration.ofDays(30)), 3), "kissa/owner");
			coupons.create(Coupon.of("SPRING", CouponKind.FIXED_YEN, 300, 300, NOW.plus(Duration.ofDays(90)),
					NOW.plus(Duration.ofDays(120)), null), "kissa/owner");
			coupons.create(Coupon.of("SUMMER_2026", CouponKind.PERCENT, 5, 0, NOW.minus(Duration.ofDays(120)),
					NOW.minus(Duration.ofDays(30)), null), "kissa/owner");
			coupons.create(Coupon.of("STOPPED", CouponKind.PERCENT, 5, 0, NOW.minus(Duration.ofDays(1)),
					NOW.plus(Duration.ofDays(30)), null), "kissa/owner");
			coupons.deactivate("stopped", "kissa/owner");
			return null;
		});
	}

	@Test
	void codesAreCaseAndWidthInsensitive() {
		CouponGrant grant = as(() -> coupons.check("ｗｅｌｃｏｍｅ１０", 5_000, NOW));
		assertThat(grant).isEqualTo(new CouponGrant("WELCOME10", CouponKind.PERCENT, 10));
		assertThat(grant.asTaxCoupon()).isEqualTo(org.misemori.tax.Coupon.percent(10));
		assertThat(grant.amountOff(5_555)).isEqualTo(555);
		assertThat(as(() -> coupons.check(" Welcome10 ", 5_000, NOW))).isEqualTo(grant);
		assertThat(as(() -> coupons.check("last-3", 1_000, NOW)).asTaxCoupon()).isEqualTo(org.misemori.tax.Coupon.fixed(500));
		assertThatThrownBy(() -> as(() -> {
			coupons.create(Coupon.of("Welcome10", CouponKind.FIXED_YEN, 100, 100, NOW, NOW.plusSeconds(60), null), "kissa/owner");
			return null;
		})).hasMessageContaining("loyalty.coupon.duplicate");
	}

	@Test
	void eachRefusalSaysWhy() {
		assertRefused("NOPE", 5_000, "loyalty.coupon.unknown");
		assertRefused("x!", 5_000, "loyalty.coupon.code.format");
		assertRefused("", 5_000, "loyalty.coupon.code.missing");
		assertRefused("SPRING", 5_000, "loyalty.coupon.notStarted");
		assertRefused("SUMMER_2026", 5_000, "loyalty.coupon.expired");
		assertRefused("STOPPED", 5_000, "loyalty.coupon.inactive");
		assertRefused("WELCOME10", 2_999, "loyalty.coupon.minimumNotMet");
		for (int order = 1; order <= 3; order++) {
			long id = order;
			as(() -> coupons.redeem("LAST-3", 1_000, NOW, new OrderRef(id)));
		}
		assertRefused("LAST-3", 1_000, "loyalty.coupon.usedUp");
		assertThatThrownBy(() -> as(() -> coupons.redeem("LAST-3", 1_000, NOW, new OrderRef(4))))
			.hasMessageContaining("loyalty.coupon.usedUp");
		// Checked before anything is counted: the other shop's code is simply unknown here.
		Shop other = ShopFixtures.zakkaShop(administration);
		assertThatThrownBy(() -> TenantContext.callAs(other.id(), () -> coupons.check("WELCOME10", 5_000, NOW)))
			.hasMessageContaining("loyalty.coupon.unknown");
	}

	@Test
	void thirtyRacingOrdersForALimitOfThreeLeaveExactlyThree() throws Exception {
		int orders = 30;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> attempts = new ArrayList<>();
		ExecutorService shoppers = Executors.newFixedThreadPool(orders);
		try {
			for (int i = 0; i < orders; i++) {
				OrderRef order = new OrderRef(100 + i);
				attempts.add(shoppers.submit(() -> {
					start.await();
					try {
						as(() -> coupons.redeem("last-3", 2_000, NOW, order));
						return true;
					}
					catch (LoyaltyException refused) {
						assertThat(refused.messageKey()).isEqualTo("loyalty.coupon.usedUp");
						return false;
					}
				}));
			}
			start.countDown();
			int used = 0;
			for (Future<Boolean> attempt : attempts) {
				used += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0; // any other exception fails the test
			}
			assertThat(used).isEqualTo(3);
		}
		finally {
			shoppers.shutdownNow();
		}
		assertThat(used("LAST-3")).isEqualTo(3);
	}

	@Test
	void aCancelledOrderGivesItsUseBackOnceAndARetryCountsNothing() {
		as(() -> coupons.redeem("LAST-3", 1_000, NOW, new OrderRef(1)));
		as(() -> coupons.redeem("LAST-3", 1_000, NOW, new OrderRef(1))); // the same order retried
		as(() -> coupons.redeem("LAST-3", 1_000, NOW, new OrderRef(2)));
		as(() -> coupons.redeem("LAST-3", 1_000, NOW, new OrderRef(3)));
		assertThat(used("LAST-3")).isEqualTo(3);
		assertThatThrownBy(() -> as(() -> coupons.redeem("WELCOME10", 5_000, NOW, new OrderRef(2))))
			.hasMessageContaining("loyalty.coupon.orderHasCoupon");

		as(() -> {
			coupons.release(new OrderRef(2));
			coupons.release(new OrderRef(2));
			coupons.release(new OrderRef(999)); // an order without a coupon
			return null;
		});
		as(() -> {
			coupons.release(new OrderRef(2));
			return null;
		});
		assertThat(used("LAST-3")).isEqualTo(2);
		assertThat(as(() -> coupons.redeem("last-3", 1_000, NOW, new OrderRef(4)))).isNotNull();
		assertThat(used("LAST-3")).isEqualTo(3);
	}

	@Test
	void termsAreValidatedAndALimitCannotGoBelowTheUsesMade() {
		assertThatThrownBy(() -> Coupon.of("BIG", CouponKind.PERCENT, 101, 0, NOW, NOW.plusSeconds(1), null))
			.hasMessageContaining("loyalty.coupon.percent.range");
		assertThatThrownBy(() -> Coupon.of("BIG", CouponKind.FIXED_YEN, 1_000_001, 2_000_000, NOW, NOW.plusSeconds(1), null))
			.hasMessageContaining("loyalty.coupon.fixed.range");
		assertThatThrownBy(() -> Coupon.of("BIG", CouponKind.FIXED_YEN, 500, 499, NOW, NOW.plusSeconds(1), null))
			.hasMessageContaining("loyalty.coupon.minimum.belowValue");
		assertThatThrownBy(() -> Coupon.of("BIG", CouponKind.PERCENT, 5, 0, NOW, NOW, null))
			.hasMessageContaining("loyalty.coupon.period.order");
		assertThatThrownBy(() -> Coupon.of("AB", CouponKind.PERCENT, 5, 0, NOW, NOW.plusSeconds(1), null))
			.hasMessageContaining("loyalty.coupon.code.format");
		assertThatThrownBy(() -> Coupon.of("A".repeat(33), CouponKind.PERCENT, 5, 0, NOW, NOW.plusSeconds(1), null))
			.hasMessageContaining("loyalty.coupon.code.format");

		as(() -> coupons.redeem("LAST-3", 1_000, NOW, new OrderRef(1)));
		as(() -> coupons.redeem("LAST-3", 1_000, NOW, new OrderRef(2)));
		Coupon lower = Coupon.of("LAST-3", CouponKind.FIXED_YEN, 500, 1_000, NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(30)), 1);
		assertThatThrownBy(() -> as(() -> {
			coupons.update(lower, "kissa/owner");
			return null;
		})).hasMessageContaining("loyalty.coupon.usageLimit.belowUsed");
		as(() -> {
			coupons.update(Coupon.of("last-3", CouponKind.FIXED_YEN, 700, 1_000, NOW.minus(Duration.ofDays(1)),
					NOW.plus(Duration.ofDays(30)), 2), "kissa/owner");
			return null;
		});
		assertRefused("LAST-3", 1_000, "loyalty.coupon.usedUp");
		assertThat(as(() -> coupons.find("last-3")).orElseThrow().value()).isEqualTo(700);
	}

	@Test
	void aPurgedShopsPointsAndCouponsAreErased() throws Exception {
		as(() -> coupons.redeem("WELCOME10", 5_000, NOW, new OrderRef(1)));
		as(() -> {
			points.updateSettings(new PointsSettings(true, 1, 12, 0), "kissa/owner");
			points.award(7001, 5_000, new OrderRef(1));
			return null;
		});
		assertThat(rowsOfShop()).isEqualTo(1 + 5 + 1 + 1 + 1);

		administration.closeShop(shop.code().value(), 0);
		purge.purgeDue();

		assertThat(rowsOfShop()).isZero();
	}

	private int rowsOfShop() throws java.sql.SQLException {
		try (java.sql.Connection connection = org.misemori.Databases.asCrossShopRole(environment);
				java.sql.PreparedStatement count = connection.prepareStatement("""
						SELECT (SELECT count(*) FROM loyalty.coupon_redemption WHERE shop_id = ?)
						     + (SELECT count(*) FROM loyalty.coupon WHERE shop_id = ?)
						     + (SELECT count(*) FROM loyalty.points_settings WHERE shop_id = ?)
						     + (SELECT count(*) FROM loyalty.points_account WHERE shop_id = ?)
						     + (SELECT count(*) FROM loyalty.points_entry WHERE shop_id = ?)""")) {
			for (int i = 1; i <= 5; i++) {
				count.setLong(i, shop.id().value());
			}
			try (java.sql.ResultSet row = count.executeQuery()) {
				row.next();
				return row.getInt(1);
			}
		}
	}

	private void assertRefused(String code, long subtotal, String key) {
		assertThatThrownBy(() -> as(() -> coupons.check(code, subtotal, NOW)))
			.isInstanceOfSatisfying(LoyaltyException.class, refused -> assertThat(refused.messageKey()).isEqualTo(key));
	}

	private int used(String code) {
		return as(() -> coupons.find(code)).orElseThrow().used();
	}

	private <T> T as(Supplier<T> work) {
		return TenantContext.callAs(shop.id(), () -> transactions.execute(status -> work.get()));
	}

}
