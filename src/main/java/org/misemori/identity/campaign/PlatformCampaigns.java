package org.misemori.identity.campaign;

import java.util.List;
import java.util.Optional;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.ShopDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * An operator's campaigns: any accounts of any kind in any shops, through the one audited
 * cross-shop path. Shops are named by code; none named means every shop.
 */
@Service
public class PlatformCampaigns {

	private final CrossShopAccess crossShop;

	private final ShopDirectory shops;

	private final CampaignLaunch launch;

	private final ApplicationEventPublisher events;

	PlatformCampaigns(CrossShopAccess crossShop, ShopDirectory shops, CampaignLaunch launch,
			ApplicationEventPublisher events) {
		this.crossShop = crossShop;
		this.shops = shops;
		this.launch = launch;
		this.events = events;
	}

	public CampaignProgress start(CampaignRequest request, List<String> shopCodes, String operator) {
		Long[] shopIds = shopCodes.stream()
			.map(code -> shops.findByCode(code)
				.orElseThrow(() -> new CampaignProblem("campaign.error.unknown-shop", code))
				.id()
				.value())
			.toArray(Long[]::new);
		var reach = new CampaignLaunch.Reach(shopIds.length == 0, shopIds, true);
		CampaignLaunch.Launched launched = crossShop.call(CrossShopPurpose.RESET_CAMPAIGNS,
				"start a password-reset campaign: " + request.selection() + " in " + (shopIds.length == 0 ? "every shop"
						: String.join(",", shopCodes)),
				work -> launch.launch(work, request, reach, operator, true));
		events.publishEvent(new CampaignStarted(launched.campaignId(), operator, null, launched.accounts(),
				request.deadline()));
		return progress(launched.campaignId()).orElseThrow();
	}

	public Optional<CampaignProgress> progress(long campaignId) {
		return counts(false, campaignId).stream().findFirst();
	}

	public List<CampaignProgress> list() {
		return counts(true, 0);
	}

	private List<CampaignProgress> counts(boolean all, long campaignId) {
		return crossShop.call(CrossShopPurpose.RESET_CAMPAIGNS, "campaign progress",
				work -> work.sql(CampaignProgressSql.PLATFORM_COUNTS)
					.param("all", all)
					.param("campaign", campaignId)
					.query(CampaignProgress.class)
					.list());
	}

}
