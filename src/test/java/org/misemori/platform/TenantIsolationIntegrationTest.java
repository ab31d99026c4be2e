package org.misemori.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security as an attacker would meet it: raw SQL through the application's own
 * DataSource and transactions, as an injected statement would run, with shop A's context.
 */
@MisemoriIntegrationTest
class TenantIsolationIntegrationTest {

	@Autowired
	ShopAdministration administration;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Environment environment;

	Shop shopA;

	Shop shopB;

	JdbcClient jdbc;

	@BeforeEach
	void twoShops() {
		shopA = ShopFixtures.kissaShop(administration);
		shopB = ShopFixtures.zakkaShop(administration);
		jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void shopAContextSeesOnlyShopARows() {
		List<Long> visible = asShop(shopA, () -> jdbc.sql("SELECT shop_id FROM platform.shop_profile")
			.query(Long.class)
			.list());
		assertThat(visible).containsExactly(shopA.id().value());
	}

	@Test
	void injectedSqlWithShopAContextCannotReadUpdateOrDeleteShopBRows() {
		long b = shopB.id().value();
		Integer read = asShop(shopA, () -> jdbc.sql("SELECT count(*) FROM platform.shop_profile WHERE shop_id = " + b)
			.query(Integer.class)
			.single());
		int updated = asShop(shopA,
				() -> jdbc.sql("UPDATE platform.shop_profile SET tagline = 'pwned' WHERE shop_id = " + b).update());
		int deleted = asShop(shopA, () -> jdbc.sql("DELETE FROM platform.shop_profile WHERE shop_id = " + b).update());
		int everything = asShop(shopA,
				() -> jdbc.sql("UPDATE platform.shop_profile SET tagline = tagline WHERE true OR 1 = 1").update());

		assertThat(read).isZero();
		assertThat(updated).isZero();
		assertThat(deleted).isZero();
		assertThat(everything).as("a blanket UPDATE touches shop A's row only").isEqualTo(1);
		assertThat(asShop(shopB, () -> jdbc.sql("SELECT tagline FROM platform.shop_profile").query(String.class).single()))
			.isEqualTo("雑貨のはなへようこそ");
	}

	@Test
	void injectedSqlCannotInsertRowsForAnotherShop() {
		long b = shopB.id().value();
		assertThatThrownBy(() -> asShop(shopA,
				() -> jdbc.sql("INSERT INTO platform.shop_profile (shop_id) VALUES (" + b + ")").update()))
			.rootCause().hasMessageContaining("row-level security");
	}

	@Test
	void injectedSqlCannotSwitchShopBySettingTheTenantItself() {
		long b = shopB.id().value();
		// An attacker who knows the mechanism sets the tenant to B, plainly or with a made-up signature.
		for (String forged : List.of(Long.toString(b), b + ".", b + ".00ff", b + "." + "a".repeat(64))) {
			assertThatThrownBy(() -> asShop(shopA, () -> {
				jdbc.sql("SELECT set_config('misemori.tenant', :claim, true)").param("claim", forged).query().singleRow();
				return jdbc.sql("SELECT count(*) FROM platform.shop_profile").query(Integer.class).single();
			})).as("forged claim %s", forged).rootCause().hasMessageContaining("forged tenant claim");
		}
	}

	@Test
	void withoutShopContextNoTenantRowsAreVisible() {
		Integer inTransaction = transactions
			.execute(status -> jdbc.sql("SELECT count(*) FROM platform.shop_profile").query(Integer.class).single());
		Integer autoCommit = jdbc.sql("SELECT count(*) FROM platform.shop_profile").query(Integer.class).single();
		assertThat(inTransaction).isZero();
		assertThat(autoCommit).isZero();
	}

	@Test
	void runtimeRoleCannotRunDdl() throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			assertRefused(statement, "CREATE TABLE public.planted (x int)");
			assertRefused(statement, "CREATE TABLE platform.planted (x int)");
			assertRefused(statement, "CREATE TEMPORARY TABLE planted (x int)");
			assertRefused(statement, "CREATE SCHEMA planted");
			assertRefused(statement, "CREATE FUNCTION platform.planted() RETURNS int LANGUAGE sql AS 'SELECT 1'");
			assertRefused(statement, "DROP TABLE platform.shop_profile");
			assertRefused(statement, "ALTER TABLE platform.shop_profile ADD COLUMN planted text");
			assertRefused(statement, "TRUNCATE platform.shop_profile");
		}
	}

	@Test
	void runtimeRoleCannotTurnRowLevelSecurityOffOrBecomeAnotherRole() throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			assertRefused(statement, "ALTER TABLE platform.shop_profile DISABLE ROW LEVEL SECURITY");
			assertRefused(statement, "ALTER TABLE platform.shop_profile NO FORCE ROW LEVEL SECURITY");
			assertRefused(statement, "DROP POLICY shop_isolation ON platform.shop_profile");
			assertRefused(statement, "SET ROLE misemori_owner");
			assertRefused(statement, "SET ROLE misemori_operator");
			assertRefused(statement, "SET SESSION AUTHORIZATION misemori_owner");
			assertRefused(statement, "SELECT secret FROM platform.tenant_guard_key");
			// PostgreSQL accepts the SET itself but refuses every query that RLS would filter.
			statement.execute("SET row_security = off");
			assertRefused(statement, "SELECT count(*) FROM platform.shop_profile");
			statement.execute("RESET row_security");
		}
	}

	@Test
	void runtimeRoleHasNoPrivilegedAttributes() throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("""
						SELECT current_user, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
						       pg_has_role(current_user, 'misemori_owner', 'MEMBER') AS owner_member,
						       pg_has_role(current_user, 'misemori_operator', 'MEMBER') AS operator_member
						FROM pg_roles WHERE rolname = current_user""");
				ResultSet row = statement.executeQuery()) {
			assertThat(row.next()).isTrue();
			assertThat(row.getString("current_user")).isEqualTo("misemori_app");
			for (String attribute : List.of("rolsuper", "rolbypassrls", "rolcreaterole", "rolcreatedb", "owner_member",
					"operator_member")) {
				assertThat(row.getBoolean(attribute)).as(attribute).isFalse();
			}
		}
	}

	/**
	 * The schema-wide invariant: every table with a shop_id column is a tenant table, with RLS
	 * enabled and forced, shop_id first in its key, and a runtime policy keyed on the guard.
	 */
	@Test
	void everyTenantTableIsIsolatedByTheDatabase() throws SQLException {
		List<String> problems = new ArrayList<>();
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement("""
						SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity, c.relforcerowsecurity,
						  (SELECT a.attname FROM pg_constraint k JOIN pg_attribute a
						     ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
						   WHERE k.conrelid = c.oid AND k.contype = 'p') AS first_key_column,
						  EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
						          AND pg_get_expr(p.polqual, p.polrelid) LIKE '%current_shop_id()%'
						          AND 'misemori_app'::regrole = ANY (p.polroles)) AS guarded
						FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
						WHERE c.relkind IN ('r', 'p')
						  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
						  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'shop_id')
						  -- The audit log, the record of personal-data reads and the mail outbox are
						  -- platform-wide, and the runtime role cannot read any of them; their rules are
						  -- tested on their own.
						  AND (n.nspname, c.relname) NOT IN (('audit', 'audit_event'), ('audit', 'personal_data_read'),
						                                     ('notify', 'outbox_mail'))""");
				ResultSet rows = statement.executeQuery()) {
			int tenantTables = 0;
			while (rows.next()) {
				tenantTables++;
				String name = rows.getString("name");
				if (!rows.getBoolean("relrowsecurity")) {
					problems.add(name + ": row-level security not enabled");
				}
				if (!rows.getBoolean("relforcerowsecurity")) {
					problems.add(name + ": row-level security not forced");
				}
				if (!"shop_id".equals(rows.getString("first_key_column"))) {
					problems.add(name + ": shop_id is not first in the primary key");
				}
				if (!rows.getBoolean("guarded")) {
					problems.add(name + ": no misemori_app policy keyed on platform.current_shop_id()");
				}
			}
			assertThat(tenantTables).as("tenant tables found").isPositive();
		}
		problems.addAll(foreignKeysBetweenTenantTablesNotLedByShopId());
		assertThat(problems).isEmpty();
	}

	private List<String> foreignKeysBetweenTenantTablesNotLedByShopId() throws SQLException {
		List<String> problems = new ArrayList<>();
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement("""
						SELECT k.conname, k.conrelid::regclass::text AS child,
						       (SELECT attname FROM pg_attribute WHERE attrelid = k.conrelid AND attnum = k.conkey[1]) AS first_column
						FROM pg_constraint k
						WHERE k.contype = 'f'
						  AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = k.confrelid AND attname = 'shop_id')
						  AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = k.conrelid AND attname = 'shop_id')""");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				if (!"shop_id".equals(rows.getString("first_column"))) {
					problems.add(rows.getString("child") + "." + rows.getString("conname") + ": shop_id is not first");
				}
			}
		}
		return problems;
	}

	private <T> T asShop(Shop shop, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(shop.id(), () -> transactions.execute(status -> work.get()));
	}

	private static void assertRefused(Statement statement, String sql) {
		assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class);
	}

}
