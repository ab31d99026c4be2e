package org.misemori.catalog.demo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductPage;
import org.misemori.catalog.TaxClass;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default's demo shop has a catalog worth browsing. */
@MisemoriIntegrationTest
class DemoCatalogIntegrationTest {

	@Autowired
	Catalog catalog;

	@Autowired
	ShopDirectory shops;

	@Autowired
	DemoCatalog demoCatalog;

	@Test
	void theDemoShopHasThirtyPublishedProductsWithVariantsCategoriesAndBothTaxRates() {
		Shop demo = shops.findByCode("demo").orElseThrow();
		List<Product> all = allProducts(demo);
		List<Product> published = all.stream().filter(Product::published).toList();

		assertThat(published).hasSizeGreaterThanOrEqualTo(30);
		assertThat(published).extracting(Product::taxClass).contains(TaxClass.STANDARD, TaxClass.REDUCED);
		assertThat(published).allSatisfy(p -> assertThat(p.variants()).isNotEmpty());
		assertThat(published).anySatisfy(p -> assertThat(p.variants()).hasSizeGreaterThanOrEqualTo(4));
		assertThat(published.stream().flatMap(p -> p.variants().stream())).anySatisfy(v -> assertThat(v.onHand()).isZero())
			.anySatisfy(v -> assertThat(v.onHand()).isPositive());
		assertThat(TenantContext.callAs(demo.id(), () -> catalog.listPublishedInCategory("tea", 1)).products())
			.extracting(Product::taxClass)
			.contains(TaxClass.STANDARD, TaxClass.REDUCED);
		assertThat(TenantContext.callAs(demo.id(), () -> catalog.findPublishedByHandle("nanbu-tetsubin"))).isPresent();

		demoCatalog.run(new DefaultApplicationArguments());
		assertThat(allProducts(demo)).as("seeding again adds nothing").hasSameSizeAs(all);
	}

	private List<Product> allProducts(Shop demo) {
		List<Product> all = new ArrayList<>();
		ProductPage page = null;
		int number = 1;
		do {
			int current = number++;
			page = TenantContext.callAs(demo.id(), () -> catalog.list(current));
			all.addAll(page.products());
		}
		while (page.hasNext());
		return all;
	}

}
