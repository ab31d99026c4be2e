package org.misemori.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two shoppers racing for the last unit never both get it. */
@MisemoriIntegrationTest
class StockReservationIntegrationTest {

	private static final int BUYERS = 50;

	@Autowired
	Catalog catalog;

	@Autowired
	ShopAdministration administration;

	Shop shop;

	@BeforeEach
	void shop() {
		shop = ShopFixtures.kissaShop(administration);
	}

	@Test
	void fiftyConcurrentBuyersForTenUnitsLeaveExactlyTenReservations() throws Exception {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "限定 新茶", 2160, 10);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> attempts = new ArrayList<>();
		ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
		try {
			for (int i = 0; i < BUYERS; i++) {
				attempts.add(buyers.submit(() -> {
					start.await();
					return TenantContext.callAs(shop.id(), () -> catalog.reserve(variant.id(), new Quantity(1)));
				}));
			}
			start.countDown();
			int reserved = 0;
			for (Future<Boolean> attempt : attempts) {
				reserved += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0; // an exception here fails the test
			}
			assertThat(reserved).isEqualTo(10);
		}
		finally {
			buyers.shutdownNow();
		}
		Variant after = stockOf(variant);
		assertThat(after.onHand()).isEqualTo(10);
		assertThat(after.reserved()).isEqualTo(10);
		assertThat(after.available()).isZero();
		assertThat(reserve(variant, 1)).as("the eleventh").isFalse();
	}

	@Test
	void committedUnitsLeaveStockAndReleasedOnesComeBack() {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "鉄瓶", 13200, 5);
		assertThat(reserve(variant, 3)).isTrue();
		assertThat(reserve(variant, 3)).as("only 2 left").isFalse();
		TenantContext.runAs(shop.id(), () -> catalog.commit(variant.id(), new Quantity(2)));
		TenantContext.runAs(shop.id(), () -> catalog.release(variant.id(), new Quantity(1)));

		Variant after = stockOf(variant);
		assertThat(after.onHand()).isEqualTo(3);
		assertThat(after.reserved()).isZero();
		assertThatThrownBy(() -> TenantContext.runAs(shop.id(), () -> catalog.commit(variant.id(), new Quantity(1))))
			.isInstanceOf(CatalogException.class)
			.hasMessageContaining("catalog.stock.not-reserved");
		assertThat(stockOf(variant).onHand()).as("never below zero, never sold unreserved").isEqualTo(3);
	}

	@Test
	void stockCannotBeSetBelowWhatCheckoutsHoldNorReservedOnADraft() {
		Variant variant = CatalogFixtures.publishedProduct(catalog, shop, "急須", 5500, 4);
		assertThat(reserve(variant, 3)).isTrue();
		assertThatThrownBy(() -> TenantContext.runAs(shop.id(), () -> catalog.updateVariant(variant.id(),
				new VariantDetails(variant.sku(), variant.options(), 5500, 2), "owner")))
			.hasMessageContaining("catalog.stock.below-reserved");
		TenantContext.runAs(shop.id(), () -> catalog.unpublish(variant.productId(), "owner"));
		assertThat(reserve(variant, 1)).as("unpublished mid-checkout").isFalse();
	}

	private boolean reserve(Variant variant, int quantity) {
		return TenantContext.callAs(shop.id(), () -> catalog.reserve(variant.id(), new Quantity(quantity)));
	}

	private Variant stockOf(Variant variant) {
		return TenantContext.callAs(shop.id(), () -> catalog.find(variant.productId()))
			.orElseThrow()
			.variants()
			.stream()
			.filter(v -> v.id().equals(variant.id()))
			.findFirst()
			.orElseThrow();
	}

}
