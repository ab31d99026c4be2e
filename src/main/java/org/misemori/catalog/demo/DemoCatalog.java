package org.misemori.catalog.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.Category;
import org.misemori.catalog.Handle;
import org.misemori.catalog.ProductId;
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
 * The demo shop's catalog on the embedded default, so the storefront has something real-looking
 * to show. Seeded once, in one transaction: a shop with products already is left alone.
 */
@Component
@Order(150) // after the demo shop (100), before its members (200)
@ConditionalOnProperty("misemori.demo.enabled")
class DemoCatalog implements ApplicationRunner {

	static final String ACTOR = "demo-seed";

	private static final Log LOG = LogFactory.getLog(DemoCatalog.class);

	private final ShopDirectory shops;

	private final Catalog catalog;

	private final TransactionTemplate transactions;

	DemoCatalog(ShopDirectory shops, Catalog catalog, TransactionTemplate transactions) {
		this.shops = shops;
		this.catalog = catalog;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		shops.findByCode("demo").ifPresent(this::seed);
	}

	private void seed(Shop demo) {
		TenantContext.runAs(demo.id(), () -> transactions.executeWithoutResult(status -> {
			if (!catalog.list(1).products().isEmpty()) {
				return;
			}
			Map<String, Long> categories = new HashMap<>();
			DemoProducts.CATEGORIES.forEach(c -> categories.put(c.handle(),
					catalog.createCategory(Category.of(new Handle(c.handle()), c.title(), c.position()), ACTOR)));
			DemoProducts.PRODUCTS.forEach(p -> catalog.publish(add(p, categories), ACTOR));
			add(DemoProducts.DRAFT, categories);
			LOG.info("Demo shop catalog: " + DemoProducts.PRODUCTS.size() + " published products and one draft");
		}));
	}

	private ProductId add(DemoProduct product, Map<String, Long> categories) {
		ProductId id = catalog.createProduct(product.details(), ACTOR);
		product.variants().forEach(variant -> catalog.addVariant(id, variant, ACTOR));
		Set<Long> in = product.categories().stream().map(categories::get).collect(Collectors.toSet());
		catalog.placeInCategories(id, in, ACTOR);
		return id;
	}

}
