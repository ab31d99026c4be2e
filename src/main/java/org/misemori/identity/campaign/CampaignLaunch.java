package org.misemori.identity.campaign;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates a campaign on the connection it is given: the shop owner's (runtime role, one shop)
 * or an operator's (cross-shop role). Unknown list entries are refused before anything is
 * written, so a typo does not send half a campaign.
 */
@Component
class CampaignLaunch {

	/** A campaign link outlives the deadline: after it, the link is the way back in. */
	static final Duration GRACE = Duration.ofDays(14);

	private final CampaignMail mail;

	private final ListedAddresses addresses;

	CampaignLaunch(CampaignMail mail, ListedAddresses addresses) {
		this.mail = mail;
		this.addresses = addresses;
	}

	/** Who may be chosen: one shop (owner), some shops or every shop, and whether operators too. */
	record Reach(boolean anyShop, Long[] shops, boolean operators) {
	}

	/** A campaign just created, and how many accounts it reaches. */
	record Launched(long campaignId, int accounts) {
	}

	/** Starts the campaign: its rows, a link per account, and the mails, on {@code jdbc}'s transaction. */
	Launched launch(JdbcClient jdbc, CampaignRequest request, Reach reach, String actor, boolean crossShop) {
		ListedAddresses.Indexed indexed = addresses.of(jdbc, request, reach);
		List<String> unknown = bind(jdbc.sql(CampaignSql.UNKNOWN), request, reach, indexed).query(String.class).list();
		if (!unknown.isEmpty()) {
			throw new CampaignProblem("campaign.error.unknown", String.join(", ", unknown));
		}
		Instant until = request.deadline().plus(GRACE);
		long campaign = jdbc.sql("""
				INSERT INTO identity.reset_campaign (scope, deadline, link_valid_until)
				VALUES (:scope, :deadline, :until) RETURNING id""")
			.param("scope", crossShop ? "PLATFORM" : "SHOP")
			.param("deadline", Timestamp.from(request.deadline()))
			.param("until", Timestamp.from(until))
			.query(Long.class)
			.single();
		bind(jdbc.sql(CampaignSql.ADD_SHOPS), request, reach, indexed).param("campaign", campaign)
			.param("actor", actor)
			.param("byOperator", crossShop)
			.update();
		int accounts = bind(jdbc.sql(CampaignSql.ADD_TARGETS), request, reach, indexed).param("campaign", campaign)
			.update();
		if (crossShop) {
			accounts += jdbc.sql(CampaignSql.ADD_OPERATORS)
				.param("campaign", campaign)
				.param("operators", reach.operators() && request.selection().operators())
				.param("listed", reach.operators() && request.selection() == Selection.LIST)
				.param("keys", request.keys())
				.update();
		}
		if (accounts == 0) {
			throw new CampaignProblem("campaign.error.no-accounts");
		}
		mail.sendLinks(jdbc, campaign, request.deadline(), until, crossShop);
		return new Launched(campaign, accounts);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CampaignRequest request, Reach reach,
			ListedAddresses.Indexed indexed) {
		Selection selection = request.selection();
		return indexed.bind(statement)
			.param("anyShop", reach.anyShop())
			.param("shops", reach.shops())
			.param("members", selection.members())
			.param("staff", selection.staff())
			.param("owners", selection.owners())
			.param("listed", selection == Selection.LIST)
			.param("operators", reach.operators())
			.param("keys", request.keys());
	}

}
