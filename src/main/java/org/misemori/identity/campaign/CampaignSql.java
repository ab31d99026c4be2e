package org.misemori.identity.campaign;

/**
 * The set-based statements of a campaign. One selection, bound the same way for a shop owner
 * (one shop; row-level security agrees) and for an operator (any shops), so both choose
 * accounts by the same rules: {@code :anyShop} or the shop in {@code :shops}; members, staff,
 * owners by flag; or the listed entries: login IDs as typed in {@code :keys}, addresses as
 * (shop, blind index) pairs in {@code :indexShops} and {@code :indexes} (an address's index
 * differs per shop; see {@link ListedAddresses}).
 */
final class CampaignSql {

	static final String CHOSEN = """
			WITH listed AS (
			    SELECT * FROM unnest(CAST(:indexShops AS bigint[]), CAST(:indexes AS bytea[])) AS l(shop_id, idx))
			SELECT m.shop_id, 'MEMBER' AS account_kind, m.id AS account_id
			FROM identity.member_account m
			WHERE :members AND (:anyShop OR m.shop_id = ANY (:shops))
			UNION
			SELECT m.shop_id, 'MEMBER', m.id
			FROM listed l JOIN identity.member_account m ON m.shop_id = l.shop_id AND m.email_index = l.idx
			WHERE :listed AND (:anyShop OR m.shop_id = ANY (:shops))
			UNION
			SELECT s.shop_id, 'STAFF', s.id
			FROM identity.staff_account s
			WHERE (:anyShop OR s.shop_id = ANY (:shops))
			  AND (:staff OR (:owners AND s.is_owner) OR (:listed AND s.login_id = ANY (:keys)))
			UNION
			SELECT s.shop_id, 'STAFF', s.id
			FROM listed l JOIN identity.staff_account s ON s.shop_id = l.shop_id AND s.email_index = l.idx
			WHERE :listed AND (:anyShop OR s.shop_id = ANY (:shops))
			""";

	static final String ADD_SHOPS = "INSERT INTO identity.reset_campaign_shop (shop_id, campaign_id, created_by, by_operator) "
			+ "SELECT DISTINCT shop_id, :campaign, :actor, :byOperator FROM (" + CHOSEN + ") chosen";

	static final String ADD_TARGETS = "INSERT INTO identity.reset_campaign_target (shop_id, campaign_id, account_kind, account_id) "
			+ "SELECT shop_id, :campaign, account_kind, account_id FROM (" + CHOSEN + ") chosen ON CONFLICT DO NOTHING";

	static final String ADD_OPERATORS = """
			INSERT INTO identity.operator_reset_target (campaign_id, operator_id)
			SELECT :campaign, id FROM identity.operator_account
			WHERE :operators OR (:listed AND login_id = ANY (:keys))""";

	/** Listed entries that name no account in reach; the person is told which. */
	static final String UNKNOWN = """
			WITH listed AS (
			    SELECT * FROM unnest(CAST(:indexShops AS bigint[]), CAST(:indexes AS bytea[]), CAST(:indexKeys AS text[]))
			        AS l(shop_id, idx, key)),
			found AS (
			    SELECT l.key FROM listed l
			    JOIN identity.member_account m ON m.shop_id = l.shop_id AND m.email_index = l.idx
			    WHERE :anyShop OR m.shop_id = ANY (:shops)
			    UNION
			    SELECT l.key FROM listed l
			    JOIN identity.staff_account s ON s.shop_id = l.shop_id AND s.email_index = l.idx
			    WHERE :anyShop OR s.shop_id = ANY (:shops)
			    UNION
			    SELECT s.login_id FROM identity.staff_account s
			    WHERE (:anyShop OR s.shop_id = ANY (:shops)) AND s.login_id = ANY (:keys))
			SELECT k FROM unnest(CAST(:keys AS text[])) AS k
			WHERE NOT EXISTS (SELECT 1 FROM found f WHERE f.key = k)
			  AND NOT (:operators AND EXISTS (SELECT 1 FROM identity.operator_account o WHERE o.login_id = k))
			ORDER BY k LIMIT 20""";

	/**
	 * A link per account of the campaign, in one statement: the database draws 256 random bits
	 * per account, stores their SHA-256 in the account's token table and hands the tokens back
	 * for the mails, which are the only place they are ever written. Addresses come back sealed
	 * ({@code email_sealed}): only {@link CampaignMail} opens them, through the recorded reader.
	 */
	static final String ISSUE_SHOP_LINKS = """
			WITH drawn AS MATERIALIZED (
			    SELECT t.shop_id, t.account_kind, t.account_id, m.email_sealed,
			           encode(platform.gen_random_bytes(32), 'hex') AS token
			    FROM identity.reset_campaign_target t
			    JOIN identity.member_account m ON m.shop_id = t.shop_id AND m.id = t.account_id
			    WHERE t.campaign_id = :campaign AND t.account_kind = 'MEMBER'
			    UNION ALL
			    SELECT t.shop_id, t.account_kind, t.account_id, s.email_sealed,
			           encode(platform.gen_random_bytes(32), 'hex')
			    FROM identity.reset_campaign_target t
			    JOIN identity.staff_account s ON s.shop_id = t.shop_id AND s.id = t.account_id
			    WHERE t.campaign_id = :campaign AND t.account_kind = 'STAFF'),
			member_links AS (
			    INSERT INTO identity.member_token (shop_id, token_hash, member_id, purpose, expires_at)
			    SELECT shop_id, sha256(convert_to(token, 'UTF8')), account_id, 'RESET', :until
			    FROM drawn WHERE account_kind = 'MEMBER'),
			staff_links AS (
			    INSERT INTO identity.staff_reset_token (shop_id, token_hash, staff_id, expires_at)
			    SELECT shop_id, sha256(convert_to(token, 'UTF8')), account_id, :until
			    FROM drawn WHERE account_kind = 'STAFF')
			SELECT d.shop_id, d.account_kind, d.account_id, d.token, p.code AS shop_code, p.name AS shop_name, d.email_sealed
			FROM drawn d JOIN platform.shop p ON p.id = d.shop_id
			ORDER BY d.shop_id, d.account_kind, d.account_id""";

	static final String ISSUE_OPERATOR_LINKS = """
			WITH drawn AS MATERIALIZED (
			    SELECT t.operator_id, encode(platform.gen_random_bytes(32), 'hex') AS token
			    FROM identity.operator_reset_target t WHERE t.campaign_id = :campaign),
			links AS (
			    INSERT INTO identity.operator_reset_token (token_hash, operator_id, expires_at)
			    SELECT sha256(convert_to(token, 'UTF8')), operator_id, :until FROM drawn)
			SELECT d.operator_id AS account_id, d.token, o.email
			FROM drawn d JOIN identity.operator_account o ON o.id = d.operator_id
			ORDER BY d.operator_id""";

	private CampaignSql() {
	}

}
