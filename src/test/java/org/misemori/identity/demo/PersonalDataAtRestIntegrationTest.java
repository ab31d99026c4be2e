package org.misemori.identity.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import org.misemori.identity.member.MemberAccounts;
import org.misemori.identity.member.MemberFixtures;
import org.misemori.notify.Mails;
import org.misemori.platform.TenantContext;
import org.misemori.identity.member.MemberProfile;
import org.misemori.identity.member.MemberProfiles;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.domain.ShopAdministration;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4's first acceptance test: after members are seeded with known values, a dump of the
 * whole database holds none of them in plain text. The dump is taken the way pg_dump takes its
 * data, {@code COPY … TO STDOUT} of every table of every schema as the superuser (a pg_dump
 * for PostgreSQL 18 is not installable here: Debian 12 ships pg_dump 15, which refuses a
 * newer server, and the embedded binaries carry none). The heap files of every table are
 * searched as well, after a checkpoint, since a dump is not the only copy a thief takes.
 */
@MisemoriIntegrationTest
class PersonalDataAtRestIntegrationTest {

	private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";

	/** Values that appear nowhere else, in Japanese and Latin script. */
	private static final MemberProfile KNOWN_JA = new MemberProfile("蔵之介 紬希", "クラノスケ ツムギ", LocalDate.of(1977, 7, 17),
			"female", "080-9753-1357", "9071234", "沖縄県", "石垣市字登野城蔵之介通り987", "紬希ハイツ 707号", "宮大工");

	private static final MemberProfile KNOWN_LATIN = new MemberProfile("Quillon Marchetti-Vasquez", "キロン マルケッティ",
		LocalDate.of(1968, 2, 3), "male", "03-8642-0864", "1500001", "東京都", "Shibuya Jingumae 5-55 Zephyrine Court",
		"Zephyrine Court 9F", "Luthier");

	private static final String PASSWORD = "紬を織る春の蔵之介通り";

	@Autowired
	MemberProfiles profiles;

	@Autowired
	MemberAccounts members;

	@Autowired
	GreenMail mailServer;

	@Autowired
	ShopAdministration administration;

	@Autowired
	Environment environment;

	@Test
	void aDumpOfTheWholeDatabaseHoldsNoSeededPersonalValue() throws Exception {
		Shop shop = ShopFixtures.kissaShop(administration);
		MemberFixtures.memberWithProfile(profiles, shop, "kuranosuke.tsumugi@example.jp", HASH, KNOWN_JA);
		MemberFixtures.memberWithProfile(profiles, shop, "Quillon.Marchetti@Example.COM", HASH, KNOWN_LATIN);
		// One signs up the shopper's way: its confirmation mail passes through the outbox.
		String signedUp = "ozymandias.keelhauler@example.org";
		String hash = members.checkSignUp(signedUp, PASSWORD, PASSWORD);
		TenantContext.runAs(shop.id(), () -> members.completeSignUp(shop, signedUp, hash));
		await().atMost(Duration.ofSeconds(20)).until(() -> !Mails.receivedBy(mailServer, signedUp).isEmpty());
		List<String> known = new ArrayList<>(List.of("kuranosuke.tsumugi@example.jp", "Quillon.Marchetti@Example.COM",
				"quillon.marchetti@example.com", signedUp));
		known.addAll(valuesOf(KNOWN_JA));
		known.addAll(valuesOf(KNOWN_LATIN));
		// The demo shop's members, seeded on every embedded start, are known values too.
		assertThat(demoMembersInTheDatabase()).as("the demo shop's members were seeded")
			.isEqualTo(DemoMembers.DEMO_MEMBERS.size())
			.isGreaterThanOrEqualTo(20);
		DemoMembers.DEMO_MEMBERS.forEach(member -> {
			known.add(member.email());
			known.addAll(valuesOf(member.profile()));
		});

		// Delivery forgets a sent mail's recipient and body in the same transaction that marks it sent.
		await().atMost(Duration.ofSeconds(10)).until(() -> !dumpEveryTable().contains(signedUp));
		String dump = dumpEveryTable();
		assertThat(dump).as("the dump has the members' rows").contains("identity.member_account");
		for (String value : known) {
			assertThat(dump).as("plain text in the dump").doesNotContain(value);
			assertThat(dump).as("hex-encoded plain text in the dump").doesNotContain(hex(value));
		}
		String heap = heapFiles();
		for (String value : known) {
			assertThat(heap).as("plain text in the table files").doesNotContain(latin1(value));
		}
	}

	private long demoMembersInTheDatabase() throws SQLException {
		try (Connection crossShop = Databases.asCrossShopRole(environment); Statement statement = crossShop.createStatement();
				ResultSet row = statement.executeQuery("""
						SELECT count(*) FROM identity.member_account m JOIN platform.shop s ON s.id = m.shop_id
						WHERE s.code = 'demo' AND m.email_sealed IS NOT NULL AND m.name_sealed IS NOT NULL""")) {
			row.next();
			return row.getLong(1);
		}
	}

	/** The fields that identify a person; the date, gender and prefecture alone are not searched for (too common). */
	private static List<String> valuesOf(MemberProfile profile) {
		return Stream.of(profile.name(), profile.kana(), profile.phone(), profile.phone().replace("-", ""),
				profile.address(), profile.building())
			.filter(value -> value != null)
			.toList();
	}

	private String dumpEveryTable() throws SQLException, IOException {
		StringBuilder dump = new StringBuilder();
		try (Connection superuser = Databases.asSuperuser(environment)) {
			List<String> tables = new ArrayList<>();
			try (Statement statement = superuser.createStatement();
					ResultSet rows = statement.executeQuery("""
							SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
							WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1""")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				// The table name comes from the catalogue, quoted by format('%I'): COPY takes no bound parameters.
				superuser.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", out);
				dump.append("-- ").append(table).append('\n').append(out.toString(StandardCharsets.UTF_8));
			}
		}
		return dump.toString();
	}

	/**
	 * Every table's main file, read as bytes (ISO-8859-1 keeps them one char each). Old row
	 * versions stay in these files after an UPDATE (the outbox's, after delivery empties a mail),
	 * so this finds what the dump cannot: plain text that was ever written.
	 */
	private String heapFiles() throws SQLException, IOException {
		StringBuilder files = new StringBuilder();
		try (Connection superuser = Databases.asSuperuser(environment); Statement statement = superuser.createStatement()) {
			statement.execute("CHECKPOINT");
			Path dataDirectory;
			try (ResultSet row = statement.executeQuery("SHOW data_directory")) {
				row.next();
				dataDirectory = Path.of(row.getString(1));
			}
			try (ResultSet rows = statement.executeQuery("""
					SELECT pg_relation_filepath(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE c.relkind IN ('r', 't') AND n.nspname NOT IN ('pg_catalog', 'information_schema')""")) {
				while (rows.next()) {
					Path file = dataDirectory.resolve(rows.getString(1));
					if (Files.exists(file)) {
						files.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
					}
				}
			}
		}
		assertThat(files).as("the table files were read").isNotEmpty();
		return files.toString();
	}

	private static String hex(String value) {
		return HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
	}

	private static String latin1(String value) {
		return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

}
