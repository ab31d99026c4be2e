package org.misemori;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.core.env.Environment;

/** Test-only connections as the database's other roles, on the application's own database. */
public final class Databases {

	private Databases() {
	}

	/** The migration owner: what a DBA would use to inspect or arrange test data. */
	public static Connection asOwner(Environment environment) throws SQLException {
		return connect(environment, "misemori_owner");
	}

	/** The cross-shop role: the only one that sees tenant rows of every shop (the owner sees none, RLS is forced). */
	public static Connection asCrossShopRole(Environment environment) throws SQLException {
		return connect(environment, "misemori_operator");
	}

	/** The cluster's superuser: the attacker who got everything, for tests of what still holds then. */
	public static Connection asSuperuser(Environment environment) throws SQLException {
		return connect(environment, "postgres");
	}

	public static Connection asRuntimeRole(Environment environment) throws SQLException {
		return connect(environment, "misemori_app");
	}

	private static Connection connect(Environment environment, String role) throws SQLException {
		return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"), role, "");
	}

}
