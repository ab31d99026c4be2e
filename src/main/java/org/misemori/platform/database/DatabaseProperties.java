package org.misemori.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credentials of the cross-shop role. The runtime role uses {@code spring.datasource.*} and the
 * migration owner {@code spring.flyway.user/password}; on the embedded default all three are
 * filled in by {@link EmbeddedDatabaseEnvironmentPostProcessor}.
 */
@ConfigurationProperties("misemori.database")
record DatabaseProperties(String operatorUsername, String operatorPassword, boolean embedded) {

	DatabaseProperties {
		operatorUsername = operatorUsername == null ? "misemori_operator" : operatorUsername;
		operatorPassword = operatorPassword == null ? "" : operatorPassword;
	}

}
