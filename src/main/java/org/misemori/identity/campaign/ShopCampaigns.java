package org.misemori.identity.campaign;

import java.util.List;
import java.util.Optional;

import org.misemori.platform.Shop;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A shop owner's campaigns over their own staff and members. Everything runs as the runtime
 * role in the shop's tenant context, so row-level security, not only the selection, keeps
 * another shop's accounts out of reach.
 */
@Service
public class ShopCampaigns {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CampaignLaunch launch;

	private final ApplicationEventPublisher events;

	ShopCampaigns(JdbcClient jdbc, PlatformTransactionManager transactionManager, CampaignLaunch launch,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.launch = launch;
		this.events = events;
	}

	/** Starts a campaign in {@code shop}; the accounts' mails are queued with it, or nothing is. */
	public CampaignProgress start(Shop shop, CampaignRequest request, String owner) {
		if (request.selection() == Selection.OPERATORS) {
			throw new CampaignProblem("campaign.error.selection");
		}
		var reach = new CampaignLaunch.Reach(false, new Long[] { shop.id().value() }, false);
		CampaignLaunch.Launched launched = TenantContext.callAs(shop.id(),
				() -> transactions.execute(status -> launch.launch(jdbc, request, reach, owner, false)));
		events.publishEvent(new CampaignStarted(launched.campaignId(), owner, shop.id().value(), launched.accounts(),
				request.deadline()));
		return progress(shop, launched.campaignId()).orElseThrow();
	}

	public Optional<CampaignProgress> progress(Shop shop, long campaignId) {
		return counts(shop, false, campaignId).stream().findFirst();
	}

	/** The shop's latest campaigns, its owner's and the operators' that reached it. */
	public List<CampaignProgress> list(Shop shop) {
		return counts(shop, true, 0);
	}

	private List<CampaignProgress> counts(Shop shop, boolean all, long campaignId) {
		return TenantContext.callAs(shop.id(), () -> transactions.execute(status -> jdbc
			.sql(CampaignProgressSql.SHOP_COUNTS)
			.param("all", all)
			.param("campaign", campaignId)
			.query(CampaignProgress.class)
			.list()));
	}

}
