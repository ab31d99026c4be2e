package org.misemori.platform.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.stereotype.Component;

/**
 * After Flyway migrates (as the owner), reads the tenant guard secret on that same owner
 * connection. The application never needs owner credentials for anything else.
 */
@Component
class TenantGuardSecretLoader implements Callback {

	private final TenantClaims claims;

	TenantGuardSecretLoader(TenantClaims claims) {
		this.claims = claims;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try (PreparedStatement statement = context.getConnection()
			.prepareStatement("SELECT secret FROM platform.tenant_guard_key WHERE id = 1");
				ResultSet result = statement.executeQuery()) {
			if (!result.next()) {
				throw new IllegalStateException("platform.tenant_guard_key is empty");
			}
			claims.useSecret(result.getBytes(1));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the tenant guard secret", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "misemori-tenant-guard";
	}

}
