package org.misemori.catalog.demo;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's catalog: {@code --seed-bench-catalog=10000} on the embedded default fills
 * the {@code bench} shop with that many published products (handles {@code bench-00001}…,
 * two variants each with stock enough for any run, every fourth product at the reduced 8 %
 * rate) in 20 categories. Set-based statements in one transaction (seconds, where the Catalog
 * API would audit 40,000 changes one by one); every value bound. Once: a bench shop with
 * products already is left alone. Nothing here runs without the option.
 */
@Component
@Order(155) // after the bench shop (101)
@ConditionalOnProperty("misemori.demo.enabled")
class BenchCatalog implements ApplicationRunner {

	static final String OPTION = "seed-bench-catalog";

	private static final int CATEGORIES = 20;

	private static final int MAX_PRODUCTS = 100_000;

	private static final Log LOG = LogFactory.getLog(BenchCatalog.class);

	private final ShopDirectory shops;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectProvider<Flyway> owner;

	BenchCatalog(ShopDirectory shops, JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<Flyway> owner) {
		this.shops = shops;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.owner = owner;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> values = args.getOptionValues(OPTION);
		if (values == null) {
			return;
		}
		int products = Math.max(1, Math.min(MAX_PRODUCTS, Integer.parseInt(values.isEmpty() ? "10000" : values.get(0))));
		shops.findByCode("bench").ifPresent(bench -> {
			seed(bench, products);
			analyze();
		});
	}

	/**
	 * Table statistics after the bulk load, as any bulk load needs: without them PostgreSQL
	 * planned a category page as a scan of all 10,000 products (49 ms instead of 2), and
	 * autovacuum had still not analyzed the tables minutes into a run. ANALYZE needs the
	 * tables' owner: Flyway's connection, which the embedded default (the only place this
	 * runs) configures. The runtime role gains no privilege for it.
	 */
	private void analyze() {
		Flyway flyway = owner.getIfAvailable();
		if (flyway != null) {
			JdbcClient.create(flyway.getConfiguration().getDataSource())
				.sql("ANALYZE catalog.category, catalog.product, catalog.variant, catalog.product_category")
				.update();
		}
	}

	private void seed(Shop bench, int products) {
		TenantContext.runAs(bench.id(), () -> transactions.executeWithoutResult(status -> {
			if (jdbc.sql("SELECT count(*) FROM catalog.product").query(Long.class).single() > 0) {
				return;
			}
			long shop = bench.id().value();
			jdbc.sql("""
					INSERT INTO catalog.category (shop_id, handle, title, position)
					SELECT :shop, 'cat-' || lpad(c::text, 2, '0'), 'カテゴリー ' || c, c FROM generate_series(1, :n) c""")
				.param("shop", shop).param("n", CATEGORIES).update();
			jdbc.sql("""
					INSERT INTO catalog.product (shop_id, handle, title, description, tax_class, status)
					SELECT :shop, 'bench-' || lpad(i::text, 5, '0'), (ARRAY['急須', '湯呑', '手ぬぐい', '箸置き', '風呂敷', '飯碗', '土鍋', '番茶', '煎茶', '梅干し'])[1 + i % 10] || ' ' || i,
					       'ベンチマーク用の商品です。', CASE WHEN i % 4 = 0 THEN 'REDUCED' ELSE 'STANDARD' END, 'PUBLISHED'
					FROM generate_series(1, :n) i""")
				.param("shop", shop).param("n", products).update();
			jdbc.sql("""
					INSERT INTO catalog.variant (shop_id, product_id, sku, option1_label, option1_value, price_yen, on_hand)
					SELECT p.shop_id, p.id, 'B' || substr(p.handle, 7) || '-' || s.size, 'サイズ', s.size,
					       1000 + (p.id % 50) * 100 + s.extra, 1000000
					FROM catalog.product p CROSS JOIN (VALUES ('S', 0), ('M', 200)) AS s (size, extra)""").update();
			jdbc.sql("""
					INSERT INTO catalog.product_category (shop_id, category_id, product_id)
					SELECT p.shop_id, c.id, p.id FROM catalog.product p
					JOIN catalog.category c ON c.position = 1 + substr(p.handle, 7)::int % :n""")
				.param("n", CATEGORIES).update();
			LOG.info("Benchmark shop catalog: " + products + " published products in " + CATEGORIES + " categories");
		}));
	}

}
