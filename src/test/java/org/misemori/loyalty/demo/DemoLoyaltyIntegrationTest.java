package org.misemori.loyalty.demo;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.loyalty.CouponKind;
import org.misemori.loyalty.Coupons;
import org.misemori.loyalty.Points;
import org.misemori.loyalty.PointsSettings;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo shop gives points and has a welcome coupon; seeding again changes nothing. */
@MisemoriIntegrationTest
class DemoLoyaltyIntegrationTest {

	@Autowired
	ShopDirectory shops;

	@Autowired
	Points points;

	@Autowired
	Coupons coupons;

	@Autowired
	DemoLoyalty demoLoyalty;

	@Test
	void theDemoShopGivesOnePercentAndHasWelcome10() {
		Shop demo = shops.findByCode("demo").orElseThrow();
		assertThat(TenantContext.callAs(demo.id(), () -> points.settings())).isEqualTo(new PointsSettings(true, 1, 12, 0));
		assertThat(TenantContext.callAs(demo.id(), () -> coupons.find("welcome10")).orElseThrow())
			.satisfies(coupon -> {
				assertThat(coupon.kind()).isEqualTo(CouponKind.PERCENT);
				assertThat(coupon.value()).isEqualTo(10);
				assertThat(coupon.minimumSubtotalYen()).isEqualTo(3_000);
				assertThat(coupon.usageLimit()).isNull();
			});

		demoLoyalty.run(new DefaultApplicationArguments());
		assertThat(TenantContext.callAs(demo.id(), () -> coupons.list())).hasSize(1);
	}

}
