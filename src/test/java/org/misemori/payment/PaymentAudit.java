package org.misemori.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.misemori.Databases;

import org.springframework.core.env.Environment;

/** The audit entries of one type whose detail contains a text, read as the owner would. */
final class PaymentAudit {

	private PaymentAudit() {
	}

	/** Each entry as "actor|shop id|detail". */
	static List<String> entries(Environment environment, int code, String detailContains) throws SQLException {
		try (Connection owner = Databases.asOwner(environment);
				PreparedStatement statement = owner.prepareStatement("""
						SELECT actor, shop_id, detail FROM audit.audit_event
						WHERE type_code = ? AND strpos(detail, ?) > 0 ORDER BY id""")) {
			statement.setInt(1, code);
			statement.setString(2, detailContains);
			List<String> entries = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					entries.add(rows.getString("actor") + "|" + rows.getString("shop_id") + "|" + rows.getString("detail"));
				}
			}
			return entries;
		}
	}

}
