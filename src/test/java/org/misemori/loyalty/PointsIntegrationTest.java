package org.misemori.loyalty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestClock;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Points as checkout uses them: earned at the shop's rate (rounded down), spent only as far as
 * the valid balance goes (also under 20 racing orders), lapsing a set number of months after
 * the last earning, given back and taken back once on cancellation.
 */
@MisemoriIntegrationTest
class PointsIntegrationTest {

	private static final long MEMBER = 7001;

	@Autowired
	Points points;

	@Autowired
	ShopAdministration administration;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	Shop shop;

	@BeforeEach
	void shopGivingFivePercent() {
		shop = ShopFixtures.kissaShop(administration);
		as(() -> {
			points.updateSettings(new PointsSettings(true, 5, 12, 100), "kissa/owner");
			return null;
		});
	}

	@AfterEach
	void clockBack() {
		clock.reset();
	}

	@Test
	void anOrderEarnsTheRateRoundedDownAndOnlyOnce() {
		assertThat(as(() -> points.award(MEMBER, 10_000, new OrderRef(1)))).isEqualTo(500);
		assertThat(as(() -> points.award(MEMBER, 10_000, new OrderRef(1)))).as("a retried order").isEqualTo(500);
		assertThat(as(() -> points.award(MEMBER, 1_999, new OrderRef(2)))).as("99.95 rounded down").isEqualTo(99);
		assertThat(as(() -> points.balance(MEMBER))).isEqualTo(599);
		assertThat(as(() -> points.balance(MEMBER + 1))).as("another member").isZero();
		assertThat(as(() -> points.history(MEMBER, 10))).extracting(PointsEntry::kind, PointsEntry::points)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PointsKind.EARNED, 99L),
					org.assertj.core.groups.Tuple.tuple(PointsKind.EARNED, 500L));
	}

	@Test
	void pointsAreSpentOnlyAsFarAsTheyGoAndARefusalLeavesTheCallersTransactionUsable() {
		as(() -> points.award(MEMBER, 10_000, new OrderRef(10)));
		as(() -> {
			points.redeem(MEMBER, 300, new OrderRef(11));
			return null;
		});
		assertThat(as(() -> points.balance(MEMBER))).isEqualTo(200);

		assertThatThrownBy(() -> as(() -> {
			points.redeem(MEMBER, 201, new OrderRef(12));
			return null;
		})).isInstanceOfSatisfying(LoyaltyException.class, refused -> {
			assertThat(refused.messageKey()).isEqualTo("loyalty.points.insufficient");
			assertThat(refused.getArguments()).containsExactly(200L, 201L);
		});
		assertThatThrownBy(() -> as(() -> {
			points.redeem(MEMBER, 50, new OrderRef(12));
			return null;
		})).hasMessageContaining("loyalty.points.belowMinimum");

		// Checkout catches the refusal inside its own transaction and still commits what it did.
		long awarded = TenantContext.callAs(shop.id(), () -> transactions.execute(status -> {
			try {
				points.redeem(MEMBER, 5_000, new OrderRef(13));
			}
			catch (LoyaltyException refused) {
				// shown to the shopper; the order goes on without points
			}
			return points.award(MEMBER, 2_000, new OrderRef(13));
		}));
		assertThat(awarded).isEqualTo(100);
		assertThat(as(() -> points.balance(MEMBER))).isEqualTo(300);
	}

	@Test
	void allPointsLapseTheSetMonthsAfterTheLastEarning() {
		as(() -> points.award(MEMBER, 10_000, new OrderRef(20))); // 500 now
		clock.advance(Duration.ofDays(200));
		as(() -> points.award(MEMBER, 2_000, new OrderRef(21))); // 100, and the 500 live on
		clock.advance(Duration.ofDays(300));
		assertThat(as(() -> points.balance(MEMBER))).as("500 days after the first earning").isEqualTo(600);

		clock.advance(Duration.ofDays(70)); // 370 days after the last earning
		assertThat(as(() -> points.balance(MEMBER))).isZero();
		assertThatThrownBy(() -> as(() -> {
			points.redeem(MEMBER, 100, new OrderRef(22));
			return null;
		})).hasMessageContaining("loyalty.points.insufficient");
		List<PointsEntry> history = as(() -> points.history(MEMBER, 10));
		assertThat(history.get(0).kind()).isEqualTo(PointsKind.EXPIRED);
		assertThat(history.get(0).points()).isEqualTo(-600);
		assertThat(history.get(1).expiresAt()).as("the earning's lapse").isEqualTo(history.get(0).at());
		assertThat(history.get(2).expiresAt()).as("carried on by the later earning").isEqualTo(history.get(0).at());

		// A new earning starts afresh: the lapse is written to the ledger first.
		as(() -> points.award(MEMBER, 4_000, new OrderRef(23)));
		assertThat(as(() -> points.balance(MEMBER))).isEqualTo(200);
		assertThat(kinds()).containsExactly("EARNED", "EARNED", "EXPIRED", "EARNED");
	}

	@Test
	void cancellationGivesUsedPointsBackAndTakesEarnedOnesBackOnce() {
		as(() -> points.award(MEMBER, 10_000, new OrderRef(30))); // 500
		as(() -> {
			points.redeem(MEMBER, 400, new OrderRef(31));
			return null;
		});
		as(() -> points.award(MEMBER, 6_000, new OrderRef(31))); // 300
		assertThat(as(() -> points.balance(MEMBER))).isEqualTo(400);

		as(() -> {
			points.reverse(new OrderRef(31));
			points.reverse(new OrderRef(31));
			return null;
		});
		as(() -> {
			points.reverse(new OrderRef(31));
			points.reverse(new OrderRef(999)); // an order without points
			return null;
		});
		assertThat(as(() -> points.balance(MEMBER))).isEqualTo(500);
		assertThat(as(() -> points.history(MEMBER, 1))).singleElement()
			.satisfies(entry -> assertThat(entry).extracting(PointsEntry::kind, PointsEntry::points, PointsEntry::order)
				.containsExactly(PointsKind.REVERSED, 100L, new OrderRef(31)));
	}

	@Test
	void theLedgerCannotBeRewrittenByTheApplication() {
		as(() -> points.award(MEMBER, 10_000, new OrderRef(40)));
		assertThatThrownBy(() -> as(() -> jdbc.sql("UPDATE loyalty.points_entry SET points = 100000").update()))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> as(() -> jdbc.sql("DELETE FROM loyalty.points_entry").update()))
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void twentyRacingOrdersForABalanceThatCoversFiveLeaveExactlyFive() throws Exception {
		as(() -> points.award(MEMBER, 10_000, new OrderRef(50))); // 500 = 5 × 100
		int orders = 20;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> attempts = new ArrayList<>();
		ExecutorService shoppers = Executors.newFixedThreadPool(orders);
		try {
			for (int i = 0; i < orders; i++) {
				OrderRef order = new OrderRef(100 + i);
				attempts.add(shoppers.submit(() -> {
					start.await();
					try {
						as(() -> {
							points.redeem(MEMBER, 100, order);
							return null;
						});
						return true;
					}
					catch (LoyaltyException refused) {
						assertThat(refused.messageKey()).isEqualTo("loyalty.points.insufficient");
						return false;
					}
				}));
			}
			start.countDown();
			int spent = 0;
			for (Future<Boolean> attempt : attempts) {
				spent += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0; // any other exception fails the test
			}
			assertThat(spent).isEqualTo(5);
		}
		finally {
			shoppers.shutdownNow();
		}
		assertThat(as(() -> points.balance(MEMBER))).isZero();
		assertThat(kinds()).filteredOn("REDEEMED"::equals).hasSize(5);
	}

	private List<String> kinds() {
		return as(() -> jdbc.sql("SELECT kind FROM loyalty.points_entry WHERE member_id = :m ORDER BY at, id")
			.param("m", MEMBER)
			.query(String.class)
			.list());
	}

	/** Each call its own transaction as the shop, as one checkout would be. */
	private <T> T as(Supplier<T> work) {
		return TenantContext.callAs(shop.id(), () -> transactions.execute(status -> work.get()));
	}

}
