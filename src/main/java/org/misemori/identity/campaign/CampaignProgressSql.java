package org.misemori.identity.campaign;

/** How campaigns are counted: per state, over the shops the connection may see. */
final class CampaignProgressSql {

	static final String SHOP_COUNTS = """
			SELECT c.id AS campaign_id, c.deadline, c.closed_at IS NOT NULL AS closed,
			       count(t.state) FILTER (WHERE t.state = 'RESET') AS reset,
			       count(t.state) FILTER (WHERE t.state = 'PENDING') AS pending,
			       count(t.state) FILTER (WHERE t.state = 'INVALIDATED') AS invalidated
			FROM identity.reset_campaign_shop s
			JOIN identity.reset_campaign c ON c.id = s.campaign_id
			LEFT JOIN identity.reset_campaign_target t ON t.shop_id = s.shop_id AND t.campaign_id = s.campaign_id
			WHERE (:all OR s.campaign_id = :campaign)
			GROUP BY c.id, c.deadline, c.closed_at
			ORDER BY c.id DESC
			LIMIT 50""";

	/** An operator's campaign: its shops' accounts and its operators together. */
	static final String PLATFORM_COUNTS = """
			WITH states AS (
			    SELECT campaign_id, state FROM identity.reset_campaign_target
			    UNION ALL
			    SELECT campaign_id, state FROM identity.operator_reset_target)
			SELECT c.id AS campaign_id, c.deadline, c.closed_at IS NOT NULL AS closed,
			       count(s.state) FILTER (WHERE s.state = 'RESET') AS reset,
			       count(s.state) FILTER (WHERE s.state = 'PENDING') AS pending,
			       count(s.state) FILTER (WHERE s.state = 'INVALIDATED') AS invalidated
			FROM identity.reset_campaign c LEFT JOIN states s ON s.campaign_id = c.id
			WHERE c.scope = 'PLATFORM' AND (:all OR c.id = :campaign)
			GROUP BY c.id, c.deadline, c.closed_at
			ORDER BY c.id DESC
			LIMIT 50""";

	private CampaignProgressSql() {
	}

}
