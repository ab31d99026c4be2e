package org.misemori.payment.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.misemori.payment.CardPaymentsResumed;
import org.misemori.payment.CardPaymentsStopped;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The emergency stop of card payments (issue 6 §6; System Five stopped its site at once): an
 * operator stops card payments for one shop or for every shop, with a reason, and lifts the stop
 * later. Written on the operator role through {@link CrossShopAccess}; every node's checkout
 * sees it within {@link CardStopCache#MAX_AGE}. Each stop and resume is announced after it is
 * committed, for the audit log.
 */
@Component
public class CardStops {

	/** Long enough to say what happened and where to look; longer is refused, not cut. */
	public static final int MAX_REASON = 500;

	private static final String COLUMNS = """
			id, stopped_shop_id, (SELECT p.code FROM platform.shop p WHERE p.id = stopped_shop_id) AS shop_code, reason,
			stopped_by, stopped_at""";

	private final CrossShopAccess crossShop;

	private final ShopDirectory shops;

	private final CardStopCache cache;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CardStops(CrossShopAccess crossShop, ShopDirectory shops, CardStopCache cache, ApplicationEventPublisher events,
			Clock clock) {
		this.crossShop = crossShop;
		this.shops = shops;
		this.cache = cache;
		this.events = events;
		this.clock = clock;
	}

	/** Whether card payments are stopped now for {@code shop} (or, when empty, for every shop). */
	public boolean stopped(Optional<ShopId> shop) {
		return cache.stopped(shop);
	}

	/**
	 * Stops card payments in the shop named by {@code shopCode}, or in every shop when it is empty.
	 * @throws CardStopRefused for an unknown shop, a missing or overlong reason, or a stop already in force
	 */
	public CardStop stop(Optional<String> shopCode, String reason, String operator) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > MAX_REASON) {
			throw new CardStopRefused(why.isEmpty() ? "cardStop.reason.missing" : "cardStop.reason.tooLong");
		}
		Optional<Shop> shop = shopCode.map(String::strip).filter(code -> !code.isEmpty()).map(this::shop);
		Long shopId = shop.map(s -> s.id().value()).orElse(null);
		String scope = shop.map(s -> "shop " + s.code().value()).orElse("every shop");
		Optional<Long> id = crossShop.call(CrossShopPurpose.PAYMENT_STOP, "stop card payments in " + scope,
				jdbc -> jdbc.sql("""
						INSERT INTO payment.card_stop (stopped_shop_id, reason, stopped_by, stopped_at)
						VALUES (:shop, :reason, :operator, :now)
						ON CONFLICT (COALESCE(stopped_shop_id, 0)) WHERE resumed_at IS NULL DO NOTHING
						RETURNING id""")
					.param("shop", shopId)
					.param("reason", why)
					.param("operator", operator)
					.param("now", Timestamp.from(clock.instant()))
					.query(Long.class)
					.optional());
		if (id.isEmpty()) {
			throw new CardStopRefused("cardStop.alreadyStopped");
		}
		cache.forget();
		String code = shop.map(s -> s.code().value()).orElse(null);
		events.publishEvent(new CardPaymentsStopped(id.get(), operator, shopId, code, why));
		return new CardStop(id.get(), shopId, code, why, operator, clock.instant());
	}

	/** Lifts the stop {@code stopId}: card payments are offered again within seconds. */
	public CardStop resume(long stopId, String operator) {
		Optional<CardStop> lifted = crossShop.call(CrossShopPurpose.PAYMENT_STOP, "resume card payments (stop " + stopId + ")",
				jdbc -> jdbc.sql("""
						UPDATE payment.card_stop SET resumed_by = :operator, resumed_at = :now
						WHERE id = :id AND resumed_at IS NULL RETURNING\s""" + COLUMNS)
					.param("operator", operator)
					.param("now", Timestamp.from(clock.instant()))
					.param("id", stopId)
					.query((row, n) -> stop(row))
					.optional());
		CardStop stop = lifted.orElseThrow(() -> new CardStopRefused("cardStop.notInForce"));
		cache.forget();
		events.publishEvent(new CardPaymentsResumed(stop.id(), operator, stop.shopId(), stop.shopCode(), stop.reason()));
		return stop;
	}

	/** The stops in force, newest first. */
	public List<CardStop> inForce() {
		return crossShop.call(CrossShopPurpose.PAYMENT_STOP, "list card payment stops", jdbc -> jdbc.sql("SELECT "
				+ COLUMNS + " FROM payment.card_stop WHERE resumed_at IS NULL ORDER BY stopped_at DESC, id DESC")
			.query((row, n) -> stop(row))
			.list());
	}

	private Shop shop(String code) {
		return shops.findByCode(code).orElseThrow(() -> new CardStopRefused("cardStop.shop.unknown"));
	}

	private static CardStop stop(ResultSet row) throws SQLException {
		long shop = row.getLong("stopped_shop_id");
		Long shopId = row.wasNull() ? null : shop;
		return new CardStop(row.getLong("id"), shopId, row.getString("shop_code"), row.getString("reason"),
				row.getString("stopped_by"), row.getTimestamp("stopped_at").toInstant());
	}

}
