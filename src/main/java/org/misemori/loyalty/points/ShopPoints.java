package org.misemori.loyalty.points;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.misemori.loyalty.LoyaltyException;
import org.misemori.loyalty.OrderRef;
import org.misemori.loyalty.Points;
import org.misemori.loyalty.PointsEntry;
import org.misemori.loyalty.PointsKind;
import org.misemori.loyalty.PointsSettings;
import org.misemori.loyalty.PointsSettingsChanged;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points of the current shop. Each change of a member's points locks their account row first,
 * then checks, then writes: two orders spending the same points are served one after the
 * other, and the second sees what the first left. Refusals come before any write and do not
 * mark the caller's transaction for rollback.
 */
@Service
@Transactional(noRollbackFor = LoyaltyException.class)
class ShopPoints implements Points {

	private static final int MAX_HISTORY = 500;

	private final JdbcClient jdbc;

	private final PointsRows rows;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ShopPoints(JdbcClient jdbc, PointsRows rows, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public PointsSettings settings() {
		return jdbc.sql("SELECT enabled, earn_percent, expiry_months, minimum_redeem FROM loyalty.points_settings")
			.query((row, n) -> new PointsSettings(row.getBoolean(1), row.getInt(2), row.getInt(3), row.getLong(4)))
			.optional()
			.orElse(PointsSettings.DEFAULTS);
	}

	@Override
	public void updateSettings(PointsSettings settings, String changedBy) {
		ShopId shop = currentShop();
		PointsSettings before = settings();
		if (before.equals(settings)) {
			return;
		}
		jdbc.sql("""
				INSERT INTO loyalty.points_settings (shop_id, enabled, earn_percent, expiry_months, minimum_redeem, updated_at)
				VALUES (:shop, :enabled, :percent, :months, :minimum, now())
				ON CONFLICT (shop_id) DO UPDATE
				   SET enabled = EXCLUDED.enabled, earn_percent = EXCLUDED.earn_percent,
				       expiry_months = EXCLUDED.expiry_months, minimum_redeem = EXCLUDED.minimum_redeem,
				       updated_at = EXCLUDED.updated_at""")
			.param("shop", shop.value())
			.param("enabled", settings.enabled())
			.param("percent", settings.earnPercent())
			.param("months", settings.expiryMonths())
			.param("minimum", settings.minimumRedeem())
			.update();
		events.publishEvent(new PointsSettingsChanged(shop.value(), changedBy, describe(before), describe(settings)));
	}

	@Override
	public long balance(long memberId) {
		Instant now = clock.instant();
		int months = settings().expiryMonths();
		return rows.find(memberId).map(account -> account.usable(now, months)).orElse(0L);
	}

	@Override
	public void redeem(long memberId, long points, OrderRef order) {
		PointsSettings settings = settings();
		if (points <= 0) {
			throw new LoyaltyException("loyalty.points.invalidAmount");
		}
		if (!settings.enabled()) {
			throw new LoyaltyException("loyalty.points.disabled");
		}
		if (points < settings.minimumRedeem()) {
			throw new LoyaltyException("loyalty.points.belowMinimum", settings.minimumRedeem());
		}
		Optional<PointsAccount> account = rows.lock(memberId);
		Optional<Long> already = rows.entryOf(order, PointsKind.REDEEMED);
		if (already.isPresent()) {
			if (already.get() == -points) {
				return; // a retry of the same order
			}
			throw new LoyaltyException("loyalty.points.alreadyRedeemed", -already.get());
		}
		Instant now = clock.instant();
		long usable = account.map(a -> a.usable(now, settings.expiryMonths())).orElse(0L);
		if (usable < points) {
			throw new LoyaltyException("loyalty.points.insufficient", usable, points);
		}
		rows.append(currentShop(), memberId, PointsKind.REDEEMED, -points, order, now);
		rows.change(memberId, -points, null);
	}

	@Override
	public long award(long memberId, long goodsPaidYen, OrderRef order) {
		if (goodsPaidYen < 0) {
			throw new LoyaltyException("loyalty.points.invalidAmount");
		}
		Optional<Long> already = rows.entryOf(order, PointsKind.EARNED);
		if (already.isPresent()) {
			return already.get();
		}
		PointsSettings settings = settings();
		long points = settings.pointsFor(goodsPaidYen);
		if (points == 0) {
			return 0;
		}
		ShopId shop = currentShop();
		Instant now = clock.instant();
		PointsAccount account = rows.lockCreating(shop, memberId);
		recordLapse(shop, account, settings.expiryMonths(), now);
		if (!rows.append(shop, memberId, PointsKind.EARNED, points, order, now)) {
			return rows.entryOf(order, PointsKind.EARNED).orElseThrow(); // a concurrent retry won
		}
		rows.change(memberId, points, now);
		return points;
	}

	/**
	 * Points given back by a cancellation join the balance under the same rule: if the balance
	 * lapsed meanwhile (a cancellation months after the order), they are lapsed too.
	 */
	@Override
	public void reverse(OrderRef order) {
		Optional<long[]> net = rows.orderNet(order);
		if (net.isEmpty() || net.get()[1] == 0) {
			return;
		}
		long memberId = net.get()[0];
		ShopId shop = currentShop();
		Instant now = clock.instant();
		PointsAccount account = rows.lockCreating(shop, memberId);
		if (rows.entryOf(order, PointsKind.REVERSED).isPresent()) {
			return;
		}
		recordLapse(shop, account, settings().expiryMonths(), now);
		long change = -net.get()[1];
		if (rows.append(shop, memberId, PointsKind.REVERSED, change, order, now)) {
			rows.change(memberId, change, null);
		}
	}

	@Override
	public List<PointsEntry> history(long memberId, int limit) {
		int rowsWanted = Math.max(1, Math.min(limit, MAX_HISTORY));
		Instant now = clock.instant();
		int months = settings().expiryMonths();
		PointsHistory history = new PointsHistory(rows.earnings(memberId), months);
		List<PointsEntry> entries = new ArrayList<>();
		rows.find(memberId)
			.filter(account -> account.holdsLapsedPoints(now, months))
			.ifPresent(account -> entries.add(new PointsEntry(account.lapsesAt(months), PointsKind.EXPIRED,
					-account.balance(), null, null)));
		rows.latest(memberId, rowsWanted).forEach(row -> entries.add(history.entry(row)));
		return List.copyOf(entries.subList(0, Math.min(entries.size(), rowsWanted)));
	}

	/**
	 * Writes down, before the balance changes again, the points that lapsed since the last
	 * earning, dated when they lapsed: the ledger then tells the member's story by itself.
	 */
	private void recordLapse(ShopId shop, PointsAccount account, int expiryMonths, Instant now) {
		if (account.holdsLapsedPoints(now, expiryMonths)) {
			Instant lapsedAt = account.lapsesAt(expiryMonths);
			rows.append(shop, account.memberId(), PointsKind.EXPIRED, -account.balance(), null, lapsedAt);
			rows.change(account.memberId(), -account.balance(), null);
		}
	}

	private static ShopId currentShop() {
		return TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop"));
	}

	private static String describe(PointsSettings settings) {
		return (settings.enabled() ? "on" : "off") + "/" + settings.earnPercent() + "%/" + settings.expiryMonths()
				+ "months/min" + settings.minimumRedeem();
	}

}
