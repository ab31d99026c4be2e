package org.misemori.platform.demo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopProfile;
import org.misemori.platform.domain.NewShop;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The benchmark's shop ({@code bench/storefront.sh}): opened on the embedded default only when
 * the jar is started with {@code --seed-bench-catalog=<products>}; the catalog module fills it.
 * Once: an existing {@code bench} shop is left alone.
 */
@Component
@Order(101) // after the demo shop, before the catalogs
@ConditionalOnProperty("misemori.demo.enabled")
class BenchShopSeeder implements ApplicationRunner {

	static final String OPTION = "seed-bench-catalog";

	static final String CODE = "bench";

	private static final Log LOG = LogFactory.getLog(BenchShopSeeder.class);

	private final ShopDirectory directory;

	private final ShopAdministration administration;

	BenchShopSeeder(ShopDirectory directory, ShopAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION) || directory.findByCode(CODE).isPresent()) {
			return;
		}
		administration.openShop(new NewShop(CODE, "ベンチマーク商店", null, ShopProfile.empty()), CrossShopPurpose.DEMO_SEED);
		LOG.info("Opened the benchmark shop at /s/" + CODE + "/");
	}

}
