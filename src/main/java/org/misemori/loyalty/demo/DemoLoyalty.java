package org.misemori.loyalty.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.loyalty.Coupon;
import org.misemori.loyalty.CouponKind;
import org.misemori.loyalty.Coupons;
import org.misemori.loyalty.Points;
import org.misemori.loyalty.PointsSettings;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo shop's points (on, 1%, a year after the last earning) and one coupon, WELCOME10
 * (10% off from 3,000 yen, for a year), on the embedded default. Each is seeded only if it is
 * not there yet, so a restart changes nothing and an owner's later edits stay.
 */
@Component
@Order(160) // after the demo shop (100) and its catalog (150), before its members (200)
@ConditionalOnProperty("misemori.demo.enabled")
class DemoLoyalty implements ApplicationRunner {

	static final String ACTOR = "demo-seed";

	static final String COUPON = "WELCOME10";

	private static final Log LOG = LogFactory.getLog(DemoLoyalty.class);

	private final ShopDirectory shops;

	private final Points points;

	private final Coupons coupons;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoLoyalty(ShopDirectory shops, Points points, Coupons coupons, TransactionTemplate transactions, Clock clock) {
		this.shops = shops;
		this.points = points;
		this.coupons = coupons;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		shops.findByCode("demo").ifPresent(this::seed);
	}

	private void seed(Shop demo) {
		TenantContext.runAs(demo.id(), () -> transactions.executeWithoutResult(status -> {
			// Settings never saved read as the defaults (points off).
			if (points.settings().equals(PointsSettings.DEFAULTS)) {
				points.updateSettings(new PointsSettings(true, 1, 12, 0), ACTOR);
				LOG.info("Demo shop points: 1%, lapsing 12 months after the last earning");
			}
			if (coupons.find(COUPON).isEmpty()) {
				ZoneId japan = ZoneId.of("Asia/Tokyo");
				LocalDate today = LocalDate.now(clock.withZone(japan));
				coupons.create(Coupon.of(COUPON, CouponKind.PERCENT, 10, 3_000, today.atStartOfDay(japan).toInstant(),
						today.plusYears(1).atStartOfDay(japan).toInstant(), null), ACTOR);
				LOG.info("Demo shop coupon: " + COUPON + " (10% off from 3,000 yen, for a year)");
			}
		}));
	}

}
