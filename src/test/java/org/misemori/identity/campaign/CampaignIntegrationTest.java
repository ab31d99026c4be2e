package org.misemori.identity.campaign;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.notify.outbox.SealedContent;
import org.misemori.vault.SecretBox;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.TestClock;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.misemori.TestBrowser.location;

/**
 * Issue 3's acceptance for forced reset campaigns: 10,000 members in one shop, one campaign,
 * every mail queued, a few members reset through their link, the deadline passes on the test
 * clock, and only the new passwords open accounts afterwards.
 */
@MisemoriIntegrationTest
class CampaignIntegrationTest {

	private static final String OLD_PASSWORD = "古いパスワードは漏れた";

	private static final String NEW_PASSWORD = "新しい合言葉は春の海";

	private static final String STAFF_NEW_PASSWORD = "海の見える喫茶店で新しい合言葉";

	private static final int MEMBERS = 10_000;

	@LocalServerPort
	int port;

	@Autowired
	SecretBox box;

	@Autowired
	ShopAdministration administration;

	@Autowired
	ShopCampaigns shopCampaigns;

	@Autowired
	PlatformCampaigns platformCampaigns;

	@Autowired
	CampaignDeadlines deadlines;

	@Autowired
	CampaignMail campaignMail;

	@Autowired
	CampaignLaunch launch;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	StaffAccounts staff;

	@Autowired
	TestClock clock;

	@Autowired
	GreenMail mailServer;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShopVault vault;

	@Autowired
	PlatformTransactionManager transactionManager;

	@AfterEach
	void putTheClockBack() {
		clock.reset();
	}

	@Test
	void aCampaignOverTenThousandMembersMailsEveryoneAndStopsTheOldPasswordsAtTheDeadline() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		insertMembers(shop, tag, MEMBERS);

		long started = System.nanoTime();
		CampaignProgress progress = shopCampaigns.start(shop, request("ALL", "", Duration.ofDays(2)), "owner");
		long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
		System.out.println("CAMPAIGN_10K_MS=" + elapsedMs);
		List<String> resetters = List.of(memberEmail(1, tag), memberEmail(2, tag), memberEmail(3, tag));
		deliverOnly(shop, resetters);

		assertThat(progress.pending()).isEqualTo(MEMBERS);
		assertThat(outboxRows(shop)).isEqualTo(MEMBERS);
		assertThat(distinctRecipients(shop)).isEqualTo(MEMBERS);
		String first = memberEmail(1, tag);
		assertThat(signIn(shop, first, OLD_PASSWORD)).as("before the deadline the old password only opens the reset page")
			.contains("/account/reset/confirm?token=");

		for (String email : resetters) {
			resetThroughTheMailedLink(shop, email);
		}
		assertThat(shopCampaigns.progress(shop, progress.campaignId()).orElseThrow())
			.extracting(CampaignProgress::reset, CampaignProgress::pending, CampaignProgress::invalidated)
			.containsExactly(3L, (long) MEMBERS - 3, 0L);

		clock.advance(Duration.ofDays(2).plusMinutes(1));
		deadlines.closeDueCampaigns();
		// Sessions started now would look older than their absolute lifetime on the moved clock.
		clock.reset();

		CampaignProgress after = shopCampaigns.progress(shop, progress.campaignId()).orElseThrow();
		assertThat(after).extracting(CampaignProgress::closed, CampaignProgress::reset, CampaignProgress::pending,
				CampaignProgress::invalidated)
			.containsExactly(true, 3L, 0L, (long) MEMBERS - 3);
		for (String email : resetters) {
			assertThat(signIn(shop, email, NEW_PASSWORD)).endsWith("/s/" + shop.code() + "/account");
		}
		assertThat(signIn(shop, memberEmail(4, tag), OLD_PASSWORD)).as("pending at the deadline").isEmpty();
		assertThat(signIn(shop, memberEmail(MEMBERS, tag), OLD_PASSWORD)).isEmpty();
		assertThat(auditCodes(progress.campaignId())).contains(430, 431);
	}

	@Test
	void staffSigningInBeforeTheDeadlineMustSetANewPasswordFirstThenTheSecondFactorFollows() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		String email = Mails.uniqueRecipient("kissa.example.jp");
		staff.invite(shop.code().value(), new NewStaff("hana", "花子", email, false), "ops.test");
		Matcher invitation = Pattern.compile("/admin/invitation\\?shop=[a-z0-9-]+&token=([A-Za-z0-9_-]{43})")
			.matcher(Mails.textOf(awaitMail(email)));
		assertThat(invitation.find()).isTrue();
		staff.acceptInvitation(shop.code().value(), invitation.group(1), OperatorFixtures.PASSPHRASE,
				OperatorFixtures.PASSPHRASE);
		CampaignProgress progress = shopCampaigns.start(shop, request("LIST", "hana", Duration.ofDays(1)), "owner");
		assertThat(awaitMailWith(email, "/admin/password-reset?shop=")).isNotNull();

		TestBrowser browser = new TestBrowser(port);
		browser.get("/admin/login");
		String forced = location(browser.post("/admin/login", staffCredentials(shop, OperatorFixtures.PASSPHRASE)));
		assertThat(forced).contains("/admin/password-reset?forced&shop=" + shop.code() + "&token=");
		assertThat(location(browser.get("/admin"))).as("signed in to nothing").endsWith("/admin/login");
		assertThat(browser.get(forced.substring(forced.indexOf("/admin"))).body()).contains("続ける前に新しいパスワードを設定");
		HttpResponse<String> weak = browser.post("/admin/password-reset", Map.of("shop", shop.code().value(), "token",
				browser.lastPageField("token"), "password", "short", "confirmation", "short"));
		assertThat(weak.statusCode()).isEqualTo(422);
		HttpResponse<String> done = browser.post("/admin/password-reset", Map.of("shop", shop.code().value(), "token",
				browser.lastPageField("token"), "password", STAFF_NEW_PASSWORD, "confirmation", STAFF_NEW_PASSWORD));
		assertThat(location(done)).contains("/admin/login?reset");

		TestBrowser again = new TestBrowser(port);
		again.get("/admin/login");
		assertThat(location(again.post("/admin/login", staffCredentials(shop, OperatorFixtures.PASSPHRASE))))
			.endsWith("/admin/login?error");
		assertThat(location(again.post("/admin/login", staffCredentials(shop, STAFF_NEW_PASSWORD)))).endsWith("/admin");
		assertThat(location(again.get("/admin"))).as("the second factor still follows").contains("/admin/2fa");
		assertThat(shopCampaigns.progress(shop, progress.campaignId()).orElseThrow().reset()).isEqualTo(1);
		assertThat(awaitMailWith(email, "パスワードが変更されました")).isNotNull();
	}

	@Test
	void staffForgotPasswordAnswersTheSameForUnknownAccounts() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		TestBrowser browser = new TestBrowser(port);
		browser.get("/admin/password-reset");
		String unknown = withoutPerRequestValues(browser
			.post("/admin/password-reset/request", Map.of("shop", shop.code().value(), "loginId", "nobody"))
			.body());
		String unknownShop = withoutPerRequestValues(
				browser.post("/admin/password-reset/request", Map.of("shop", "no-such-shop", "loginId", "x")).body());
		assertThat(unknown).contains("入力されたアカウントがあれば").isEqualTo(unknownShop);
		assertThat(browser.get("/admin/password-reset?shop=" + shop.code() + "&token=forged").statusCode()).isEqualTo(410);
	}

	/** The CSP nonce and the CSRF token differ on every page, whatever the account. */
	private static String withoutPerRequestValues(String page) {
		return page.replaceAll("(nonce|value)=\"[^\"]*\"", "");
	}

	private static Map<String, String> staffCredentials(Shop shop, String password) {
		return Map.of("shopCode", shop.code().value(), "loginId", "hana", "password", password);
	}

	private MimeMessage awaitMailWith(String recipient, String text) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> Mails.receivedBy(mailServer, recipient).stream().filter(m -> Mails.textOf(m).contains(text)
					|| subjectOf(m).contains(text)).toList(), found -> !found.isEmpty())
			.get(0);
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			return "";
		}
	}

	@Test
	void aCampaignMailIsNeverQueuedTwice() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		insertMembers(shop, tag, 5);
		CampaignProgress progress = shopCampaigns.start(shop, request("MEMBERS", "", Duration.ofDays(1)), "owner");
		assertThat(outboxRows(shop)).isEqualTo(5);

		// As if the mails were issued again (a retry, a second node): the dedupe key holds.
		TenantContext.runAs(shop.id(), () -> new TransactionTemplate(transactionManager).executeWithoutResult(
				status -> campaignMail.sendLinks(jdbc, progress.campaignId(), progress.deadline(),
						progress.deadline().plus(CampaignLaunch.GRACE), false)));
		assertThat(outboxRows(shop)).isEqualTo(5);
		MimeMessage mail = awaitMail(memberEmail(1, tag));
		assertThat(Mails.textOf(mail)).contains("パスワードを再設定してください").contains("Deadline:");
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> Mails.receivedBy(mailServer, memberEmail(1, tag)).size() == 1);
	}

	@Test
	void anOwnerCannotReachAnotherShopsAccounts() throws Exception {
		Shop mine = ShopFixtures.zakkaShop(administration);
		Shop theirs = ShopFixtures.kissaShop(administration);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		insertMembers(mine, "mine-" + tag, 2);
		insertMembers(theirs, "theirs-" + tag, 3);

		assertThatThrownBy(() -> shopCampaigns.start(mine, request("LIST", memberEmail(1, "theirs-" + tag),
				Duration.ofDays(1)), "owner"))
			.isInstanceOfSatisfying(CampaignProblem.class, problem -> {
				assertThat(problem.messageKey()).isEqualTo("campaign.error.unknown");
				assertThat(problem.arguments()).containsExactly(memberEmail(1, "theirs-" + tag));
			});
		// Even a selection that asks for every shop sees only the tenant's rows: the database decides.
		var everyShop = new CampaignLaunch.Reach(true, new Long[0], false);
		CampaignLaunch.Launched launched = TenantContext.callAs(mine.id(),
				() -> new TransactionTemplate(transactionManager).execute(status -> launch.launch(jdbc,
						request("MEMBERS", "", Duration.ofDays(1)), everyShop, "owner", false)));
		assertThat(launched.accounts()).isEqualTo(2);
		assertThat(outboxRows(theirs)).isZero();
	}

	@Test
	void anOperatorCampaignSpansTwoShops() throws Exception {
		Shop one = ShopFixtures.zakkaShop(administration);
		Shop two = ShopFixtures.kissaShop(administration);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		insertMembers(one, "one-" + tag, 4);
		insertMembers(two, "two-" + tag, 6);

		CampaignProgress progress = platformCampaigns.start(request("MEMBERS", "", Duration.ofDays(3)),
				List.of(one.code().toString(), two.code().toString()), "operator-test");
		assertThat(progress.pending()).isEqualTo(10);
		assertThat(outboxRows(one)).isEqualTo(4);
		assertThat(outboxRows(two)).isEqualTo(6);
		assertThat(linkIn(awaitMail(memberEmail(1, "two-" + tag)))).startsWith("/s/" + two.code() + "/account/reset/confirm");

		CampaignProgress listed = platformCampaigns.start(
				request("LIST", memberEmail(2, "one-" + tag) + "\n" + memberEmail(3, "two-" + tag), Duration.ofDays(3)),
				List.of(), "operator-test");
		assertThat(listed.pending()).isEqualTo(2);
	}

	@Test
	void aListFindsAddressesByEachShopsBlindIndexNamesTheRestAndRecordsTheReads() throws Exception {
		Shop shop = ShopFixtures.zakkaShop(administration);
		Shop other = ShopFixtures.kissaShop(administration);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		insertMembers(shop, tag, 3);
		insertMembers(other, tag, 3);
		String staffEmail = Mails.uniqueRecipient("zakka.example.jp");
		StaffFixtures.add(environment, vault, shop, "tanaka", staffEmail, false, passwords.encode(OLD_PASSWORD));
		String unknown = "nobody-" + tag + "@example.jp";
		// Written otherwise than at sign-up (capitals, a full-width letter): the index normalises both.
		String firstAsTyped = "Ｍ1-" + tag.toUpperCase(java.util.Locale.ROOT) + "@EXAMPLE.JP";

		assertThatThrownBy(() -> shopCampaigns.start(shop,
				request("LIST", String.join("\n", firstAsTyped, staffEmail, unknown, "ghost"), Duration.ofDays(1)), "owner"))
			.isInstanceOfSatisfying(CampaignProblem.class,
					problem -> assertThat(problem.arguments()).containsExactly("ghost, " + unknown));

		CampaignProgress progress = shopCampaigns.start(shop,
				request("LIST", firstAsTyped + "\n" + staffEmail.toUpperCase(java.util.Locale.ROOT), Duration.ofDays(1)),
				"owner");
		assertThat(progress.pending()).isEqualTo(2);
		assertThat(outboxRows(shop)).isEqualTo(2);
		assertThat(outboxRows(other)).as("the same address in another shop is not in this owner's reach").isZero();
		assertThat(awaitMailWith(staffEmail, "/admin/password-reset?shop=")).isNotNull();
		assertThat(campaignReads(shop)).containsExactlyInAnyOrder("MEMBER:1", "STAFF:1");

		CampaignProgress everywhere = platformCampaigns.start(request("LIST", memberEmail(2, tag), Duration.ofDays(1)),
				List.of(), "operator-test");
		assertThat(everywhere.pending()).as("one address, a member in each of two shops, each found by its shop's index")
			.isEqualTo(2);
		assertThat(campaignReads(other)).containsExactly("MEMBER:1");
	}

	/** The recorded readings of the campaign mails in {@code shop}: kind and how many records each. */
	private List<String> campaignReads(Shop shop) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement query = connection.prepareStatement("""
						SELECT subject_kind || ':' || cardinality(record_ids) FROM audit.personal_data_read
						WHERE shop_id = ? AND purpose = ? AND fields = '{email}' ORDER BY id""")) {
			query.setLong(1, shop.id().value());
			query.setString(2, CampaignMail.PURPOSE);
			try (ResultSet rows = query.executeQuery()) {
				List<String> reads = new java.util.ArrayList<>();
				while (rows.next()) {
					reads.add(rows.getString(1));
				}
				return reads;
			}
		}
	}

	@Test
	void badRequestsAreRefusedWithSpecificReasons() {
		Shop shop = ShopFixtures.zakkaShop(administration);
		assertProblem(() -> shopCampaigns.start(shop, request("ALL", "", Duration.ofDays(1)), "owner"),
				"campaign.error.no-accounts");
		assertProblem(() -> request("LIST", " \n ", Duration.ofDays(1)), "campaign.error.no-accounts");
		assertProblem(() -> request("ALL", "", Duration.ofHours(-1)), "campaign.error.deadline-past");
		assertProblem(() -> request("LIST", "a@example.jp\n".repeat(40_000), Duration.ofDays(1)),
				"campaign.error.list-too-long");
		assertProblem(() -> CampaignRequest.of("ALL", "", "来週の金曜", clock), "campaign.error.deadline-format");
		assertProblem(() -> CampaignRequest.of("everyone", "", "2030-01-01T00:00", clock), "campaign.error.selection");
		assertProblem(() -> shopCampaigns.start(shop, request("LIST", "nobody@example.jp", Duration.ofDays(1)), "owner"),
				"campaign.error.unknown");
	}

	private void assertProblem(Runnable attempt, String key) {
		assertThatThrownBy(attempt::run).isInstanceOfSatisfying(CampaignProblem.class,
				problem -> assertThat(problem.messageKey()).isEqualTo(key));
	}

	private CampaignRequest request(String selection, String list, Duration fromNow) {
		String deadline = LocalDateTime.ofInstant(clock.instant().plus(fromNow), CampaignRequest.SHOP_TIME)
			.withSecond(0)
			.withNano(0)
			.plusMinutes(1)
			.toString();
		return CampaignRequest.of(selection, list, deadline, clock);
	}

	private void resetThroughTheMailedLink(Shop shop, String email) throws Exception {
		TestBrowser browser = new TestBrowser(port);
		browser.get(linkIn(awaitMail(email)));
		HttpResponse<String> reset = browser.post("/s/" + shop.code() + "/account/reset/confirm",
				Map.of("token", browser.lastPageField("token"), "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(location(reset)).endsWith("/account/login?reset");
	}

	private String signIn(Shop shop, String email, String password) throws Exception {
		TestBrowser browser = new TestBrowser(port);
		String base = "/s/" + shop.code() + "/account";
		browser.get(base + "/login");
		return location(browser.post(base + "/login", Map.of("email", email, "password", password)));
	}

	/**
	 * Members straight into the table, sealed as the application seals them, all with one hash
	 * computed once (Argon2id 10,000 times would take minutes): ids drawn in one statement,
	 * addresses sealed and indexed here, rows sent as one JDBC batch.
	 */
	private void insertMembers(Shop shop, String tag, int count) throws SQLException {
		String hash = passwords.encode(OLD_PASSWORD);
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement ids = connection
					.prepareStatement("SELECT nextval('identity.member_account_id_seq') FROM generate_series(1, ?)");
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO identity.member_account
						       (shop_id, id, email_sealed, email_index, password_hash, status, verified_at)
						VALUES (?, ?, ?, ?, ?, 'ACTIVE', now())""")) {
			ids.setInt(1, count);
			try (ResultSet drawn = ids.executeQuery()) {
				for (int n = 1; drawn.next(); n++) {
					long id = drawn.getLong(1);
					String email = memberEmail(n, tag);
					insert.setLong(1, shop.id().value());
					insert.setLong(2, id);
					insert.setBytes(3, vault.encrypt(shop.id(), FieldRef.of("identity.member_account", "email", id), email));
					insert.setBytes(4, vault.blindIndex(shop.id(), BlindIndexKind.EMAIL, email));
					insert.setString(5, hash);
					insert.addBatch();
				}
			}
			assertThat(Arrays.stream(insert.executeBatch()).sum()).isEqualTo(count);
		}
	}

	/**
	 * Holds back every mail of the shop but the sample's: ten thousand SMTP deliveries take
	 * minutes here, and the other test classes' mail, sharing this outbox, would queue behind
	 * them. (Delivery facts are the only columns the cross-shop role may change.)
	 */
	private void deliverOnly(Shop shop, List<String> sample) throws SQLException {
		List<Long> others = pendingMails(shop).entrySet()
			.stream()
			.filter(mail -> !sample.contains(mail.getValue()))
			.map(java.util.Map.Entry::getKey)
			.toList();
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement defer = connection.prepareStatement("""
						UPDATE notify.outbox_mail SET next_attempt_at = now() + interval '30 days'
						WHERE status = 'PENDING' AND id = ANY (?)""")) {
			defer.setArray(1, connection.createArrayOf("bigint", others.toArray()));
			assertThat(defer.executeUpdate()).isBetween(MEMBERS - 1_000, MEMBERS - sample.size());
		}
	}

	/** The shop's pending mails by id, with their recipients opened as delivery opens them (the outbox seals them). */
	private java.util.Map<Long, String> pendingMails(Shop shop) throws SQLException {
		java.util.Map<Long, String> mails = new java.util.HashMap<>();
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT id, dedupe_key, content FROM notify.outbox_mail WHERE shop_id = ? AND status = 'PENDING'")) {
			select.setLong(1, shop.id().value());
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					mails.put(rows.getLong("id"),
							SealedContent.open(box, rows.getBytes("dedupe_key"), rows.getBytes("content")).orElseThrow()[0]);
				}
			}
		}
		return mails;
	}

	private static String memberEmail(int n, String tag) {
		return "m" + n + "-" + tag + "@example.jp";
	}

	private long outboxRows(Shop shop) throws SQLException {
		return countAsCrossShop("SELECT count(*) FROM notify.outbox_mail WHERE shop_id = ?", shop.id().value());
	}

	/**
	 * Pending mails by distinct address, plus those already sent (whose address the outbox has
	 * forgotten), read in one statement: the poller may send a released mail between two reads.
	 */
	private long distinctRecipients(Shop shop) throws SQLException {
		java.util.Set<String> addresses = new java.util.HashSet<>();
		long done = 0;
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection.prepareStatement(
						"SELECT status, dedupe_key, content FROM notify.outbox_mail WHERE shop_id = ?")) {
			select.setLong(1, shop.id().value());
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					if ("PENDING".equals(rows.getString("status"))) {
						addresses.add(SealedContent.open(box, rows.getBytes("dedupe_key"), rows.getBytes("content"))
							.orElseThrow()[0]);
					}
					else {
						done++;
					}
				}
			}
		}
		return addresses.size() + done;
	}

	private List<Integer> auditCodes(long campaign) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement query = connection.prepareStatement(
						"SELECT type_code FROM audit.audit_event WHERE detail LIKE ? ORDER BY id")) {
			query.setString(1, "campaign=" + campaign + " %");
			try (ResultSet rows = query.executeQuery()) {
				List<Integer> codes = new java.util.ArrayList<>();
				while (rows.next()) {
					codes.add(rows.getInt(1));
				}
				return codes;
			}
		}
	}

	private long countAsCrossShop(String sql, long shopId) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setLong(1, shopId);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private MimeMessage awaitMail(String recipient) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> Mails.receivedBy(mailServer, recipient), found -> !found.isEmpty())
			.get(0);
	}

	private static String linkIn(MimeMessage mail) {
		Matcher link = Pattern.compile("http://localhost:\\d+(/\\S+)").matcher(Mails.textOf(mail));
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

}
