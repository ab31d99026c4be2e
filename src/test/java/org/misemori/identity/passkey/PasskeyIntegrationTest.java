package org.misemori.identity.passkey;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffMember;
import org.misemori.identity.twofactor.StaffSecondFactor;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.notify.Mails;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Passkeys kept per shop by the database, step-up before a change, the notice mail, and a page
 * policy that stays strict. (Real ceremonies run in the browser tests beside this one.)
 */
@MisemoriIntegrationTest
class PasskeyIntegrationTest {

	private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	GreenMail mailServer;

	@Autowired
	StaffSecondFactor secondFactor;

	@Autowired
	Environment environment;

	@Test
	void aStaffPasskeyOfOneShopIsUnknownAtAnother() {
		Shop shopA = ShopFixtures.kissaShop(administration);
		Shop shopB = ShopFixtures.zakkaShop(administration);
		StaffMember owner = owner(shopA, Mails.uniqueRecipient("kissa.example.jp"));
		owner(shopB, Mails.uniqueRecipient("zakka.example.jp"));
		ShopPasskeyStore store = new ShopPasskeyStore(jdbc, transactions, ShopPasskeyStore.STAFF);
		Bytes credential = registered(store, shopA, owner);

		assertThat(TenantContext.callAs(shopA.id(), () -> store.findByCredentialId(credential))).isNotNull();
		assertThat(TenantContext.callAs(shopB.id(), () -> store.findByCredentialId(credential)))
			.as("the database shows shop B no credential of shop A").isNull();
		assertThat(TenantContext.callAs(shopB.id(), () -> store.users().findByUsername(owner.getUsername()))).isNull();
		assertThatThrownBy(() -> store.findByCredentialId(credential)).as("no shop, no credentials")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void deletingAPasskeyNeedsAFreshSecondFactorAndTellsTheHolder() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		String email = Mails.uniqueRecipient("kissa.example.jp");
		StaffMember owner = owner(shop, email);
		ShopPasskeyStore store = new ShopPasskeyStore(jdbc, transactions, ShopPasskeyStore.STAFF);
		Bytes credential = registered(store, shop, owner);

		mvc.perform(post("/admin/security/passkeys/delete").with(csrf())
			.with(staff(owner, Instant.now().minus(Duration.ofMinutes(10))))
			.param("id", credential.toBase64UrlString())).andExpect(redirectedUrl("/admin/security"));
		mvc.perform(get("/admin/security").with(staff(owner, Instant.now().minus(Duration.ofMinutes(10)))))
			.andExpect(redirectedUrl("/admin/2fa?stepup"));
		mvc.perform(post("/admin/security/passkeys/options").with(csrf())
			.with(staff(owner, Instant.now().minus(Duration.ofMinutes(10))))).andExpect(status().isForbidden());
		assertThat(TenantContext.callAs(shop.id(), () -> store.findByCredentialId(credential))).as("still there")
			.isNotNull();

		mvc.perform(post("/admin/security/passkeys/delete").with(csrf())
			.with(staff(owner, Instant.now()))
			.param("id", credential.toBase64UrlString())).andExpect(redirectedUrl("/admin/security?removed"));
		assertThat(TenantContext.callAs(shop.id(), () -> store.findByCredentialId(credential))).isNull();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Mails.receivedBy(mailServer, email).stream().filter(m -> subject(m).contains("パスキーが削除されました")).count(),
					count -> count == 1);
		assertThat(auditRows(441, "staff:" + shop.id().value() + ":midori")).as("PASSKEY_REMOVED in the audit log")
			.isEqualTo(1);
	}

	private int auditRows(int code, String actor) throws SQLException {
		try (Connection owner = Databases.asOwner(environment);
				java.sql.PreparedStatement query = owner
					.prepareStatement("SELECT count(*) FROM audit.audit_event WHERE type_code = ? AND actor = ?")) {
			query.setInt(1, code);
			query.setString(2, actor);
			try (java.sql.ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	@Test
	void anotherPersonsPasskeyCannotBeDeletedByItsId() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		StaffMember owner = owner(shop, Mails.uniqueRecipient("kissa.example.jp"));
		staff.invite(shop.code().value(), new NewStaff("kazu", "風間 かず", Mails.uniqueRecipient("kissa.example.jp"), false),
				"ops.test");
		StaffMember clerk = staff.findForSignIn(shop.code().value(), "kazu").orElseThrow();
		ShopPasskeyStore store = new ShopPasskeyStore(jdbc, transactions, ShopPasskeyStore.STAFF);
		Bytes ownersKey = registered(store, shop, owner);

		mvc.perform(post("/admin/security/passkeys/delete").with(csrf())
			.with(staff(clerk, Instant.now()))
			.param("id", ownersKey.toBase64UrlString())).andExpect(redirectedUrl("/admin/security?removed"));
		assertThat(TenantContext.callAs(shop.id(), () -> store.findByCredentialId(ownersKey))).isNotNull();
	}

	@Test
	void passkeyPagesKeepTheStrictPolicy() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		StaffMember owner = owner(shop, Mails.uniqueRecipient("kissa.example.jp"));
		registered(new ShopPasskeyStore(jdbc, transactions, ShopPasskeyStore.STAFF), shop, owner);
		// First sign-ins enrol TOTP; only then does the code page (with its passkey button) show.
		String secret = secondFactor.beginEnrolment(owner).base32Secret();
		assertThat(secondFactor.confirmEnrolment(owner, TotpFixtures.currentCode(secret))).isPresent();

		List<MvcResult> pages = new ArrayList<>();
		pages.add(mvc.perform(get("/admin/security").with(staff(owner, Instant.now()))).andExpect(status().isOk()).andReturn());
		pages.add(mvc.perform(get("/admin/2fa").with(passwordOnly(owner))).andExpect(status().isOk()).andReturn());
		pages.add(mvc.perform(get("/s/" + shop.code() + "/account/login")).andExpect(status().isOk()).andReturn());
		assertThat(pages.get(1).getResponse().getContentAsString()).contains("id=\"passkey-sign-in\"");
		for (MvcResult page : pages) {
			String policy = page.getResponse().getHeader("Content-Security-Policy");
			assertThat(policy).contains("script-src 'nonce-").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
			String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
			String html = page.getResponse().getContentAsString();
			Matcher scripts = SCRIPT_TAG.matcher(html);
			int count = 0;
			while (scripts.find()) {
				count++;
				assertThat(scripts.group()).as("only external scripts, each with this response's nonce")
					.contains("src=\"/assets/js/passkeys.js\"")
					.contains("nonce=\"" + nonce + "\"");
			}
			assertThat(count).isEqualTo(1);
			assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContainPattern("(?i)\\sstyle=");
		}
	}

	@Test
	void guessedPasskeySignInsFromOneAddressAreSlowedDown() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		String login = "/s/" + shop.code() + "/account/passkey-login";
		MockHttpSession session = new MockHttpSession();
		List<Integer> statuses = new ArrayList<>();
		for (int attempt = 0; attempt < 25; attempt++) {
			mvc.perform(post(login + "/options").session(session).with(csrf()).with(from("198.51.100.77")));
			statuses.add(mvc.perform(post(login).session(session)
				.with(csrf())
				.with(from("198.51.100.77"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\":\"guess-" + attempt + "\"}")).andReturn().getResponse().getStatus());
		}
		assertThat(statuses).startsWith(401).contains(429);
		assertThat(mvc.perform(post(login).session(new MockHttpSession())
			.with(csrf())
			.with(from("198.51.100.78"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andReturn().getResponse().getStatus()).as("another address is not slowed down")
			.isEqualTo(401);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void operatorPasskeysAreOutOfTheRuntimeRolesReach() throws SQLException {
		try (Connection runtime = Databases.asRuntimeRole(environment); Statement statement = runtime.createStatement()) {
			assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM identity.operator_passkey"))
				.hasMessageContaining("permission denied");
		}
	}

	private StaffMember owner(Shop shop, String email) {
		staff.invite(shop.code().value(), new NewStaff("midori", "緑川 みどり", email, true), "ops.test");
		return staff.findForSignIn(shop.code().value(), "midori").orElseThrow();
	}

	/** What a finished registration leaves behind (the ceremony itself is the browser tests' part). */
	private static Bytes registered(ShopPasskeyStore store, Shop shop, StaffMember holder) {
		Bytes handle = Bytes.random();
		Bytes credential = Bytes.random();
		TenantContext.runAs(shop.id(), () -> {
			store.users().save(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(handle).name(holder.getUsername()).displayName(holder.getUsername()).build());
			store.save(ImmutableCredentialRecord.builder()
				.credentialId(credential)
				.userEntityUserId(handle)
				.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
				.signatureCount(0)
				.uvInitialized(true)
				.backupEligible(false)
				.backupState(false)
				.transports(Set.of(AuthenticatorTransport.INTERNAL))
				.label("テスト鍵")
				.build());
		});
		return credential;
	}

	private static RequestPostProcessor staff(StaffMember member, Instant secondFactorAt) {
		List<GrantedAuthority> authorities = new ArrayList<>(member.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).build());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
			.issuedAt(secondFactorAt)
			.build());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(member, null, authorities));
	}

	private static RequestPostProcessor passwordOnly(StaffMember member) {
		List<GrantedAuthority> authorities = new ArrayList<>(member.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).build());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(member, null, authorities));
	}

	private static String subject(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			return "";
		}
	}

}
