package org.misemori.identity.campaign;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * At a campaign's deadline, the old password of every account still pending stops working:
 * staff's becomes NULL (how an account without a password already looks), members' and
 * operators' the hash of a secret drawn now and told to nobody. Their sessions end. The mailed
 * link, or a new self-service reset, is then the only way back. A cheap look as the runtime
 * role comes first, so an idle platform writes no cross-shop audit entries.
 */
@Component
class CampaignDeadlines {

	private final JdbcClient jdbc;

	private final CrossShopAccess crossShop;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	CampaignDeadlines(JdbcClient jdbc, CrossShopAccess crossShop, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.crossShop = crossShop;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${misemori.campaign.deadline-check:30s}", initialDelayString = "${misemori.campaign.deadline-check:30s}")
	void closeDueCampaigns() {
		Timestamp now = Timestamp.from(clock.instant());
		List<Long> due = jdbc.sql("SELECT id FROM identity.reset_campaign WHERE closed_at IS NULL AND deadline <= :now ORDER BY id")
			.param("now", now)
			.query(Long.class)
			.list();
		due.forEach(campaign -> close(campaign, now));
	}

	private void close(long campaign, Timestamp now) {
		String unknowable = passwords.encode(Base64.getEncoder().encodeToString(randomBytes()));
		Closed closed = crossShop.call(CrossShopPurpose.RESET_CAMPAIGNS,
				"deadline of password-reset campaign " + campaign, work -> invalidatePending(work, campaign, now, unknowable));
		if (closed == null) {
			return;
		}
		// Sessions are not tenant rows: the runtime role ends them, on every node at once.
		jdbc.sql("DELETE FROM identity.spring_session WHERE principal_name = ANY (:names)")
			.param("names", closed.principals().toArray(String[]::new))
			.update();
		events.publishEvent(new CampaignDeadlinePassed(campaign, closed.principals().size(), closed.reset()));
	}

	private record Closed(List<String> principals, int reset) {
	}

	/** All in one transaction, claimed first, so two nodes closing the same campaign do it once. */
	private static Closed invalidatePending(JdbcClient work, long campaign, Timestamp now, String unknowable) {
		boolean claimed = work.sql("UPDATE identity.reset_campaign SET closed_at = :now WHERE id = :campaign AND closed_at IS NULL")
			.param("now", now)
			.param("campaign", campaign)
			.update() == 1;
		if (!claimed) {
			return null;
		}
		List<String> principals = work.sql(DeadlineSql.INVALIDATE).param("campaign", campaign)
			.param("now", now)
			.param("unknowable", unknowable)
			.query(String.class)
			.list();
		int reset = work.sql(DeadlineSql.RESET_COUNT).param("campaign", campaign).query(Integer.class).single();
		return new Closed(principals, reset);
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return bytes;
	}

}
