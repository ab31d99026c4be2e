package org.misemori.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.misemori.Databases;

import org.springframework.core.env.Environment;

/** Puts the platform back to "no operator yet", as a DBA could, for the setup tests. */
public final class OperatorFixtures {

	public static final String PASSPHRASE = "correct horse battery staple 店守";

	private OperatorFixtures() {
	}

	public static void noOperatorYet(Environment environment) throws SQLException {
		try (Connection owner = Databases.asOwner(environment); Statement statement = owner.createStatement()) {
			statement.execute("DELETE FROM identity.operator_account");
			statement.execute("DELETE FROM identity.operator_setup_token");
		}
	}

}
