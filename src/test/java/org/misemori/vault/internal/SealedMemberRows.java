package org.misemori.vault.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.misemori.Databases;
import org.misemori.platform.ShopId;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.ShopVault;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.core.env.Environment;

/**
 * Many sealed members, fast: ids from the sequence, values sealed in Java exactly as the
 * application seals them, rows streamed in with COPY. PostgreSQL refuses COPY FROM into a table
 * under row-level security, so the rows go in as a DBA's bulk load would: as the superuser.
 * Every value is a function of the member's id ({@link #valueOf}), so a reader can check any
 * row it picks.
 */
final class SealedMemberRows {

	static final String TABLE = "identity.member_account";

	/** Every sealed column of a member, by field name (the column without {@code _sealed}). */
	static final List<String> FIELDS = List.of("email", "name", "kana", "birth_date", "gender", "phone", "postal_code",
			"prefecture", "address", "building", "occupation");

	private static final String COPY = """
			COPY identity.member_account (shop_id, id, password_hash, status, email_index, email_sealed, name_sealed,
			  kana_sealed, birth_date_sealed, gender_sealed, phone_sealed, postal_code_sealed, prefecture_sealed,
			  address_sealed, building_sealed, occupation_sealed) FROM STDIN WITH (FORMAT csv)""";

	/** Not a real hash: these members never sign in. */
	private static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$bm90LWEtcmVhbC1zYWx0$bm90LWEtcmVhbC1oYXNo";

	private static final int CHUNK = 2000;

	private SealedMemberRows() {
	}

	/** The known value of a member's field; {@code null} (nothing sealed) for the building of odd ids. */
	static String valueOf(String field, long id) {
		return switch (field) {
			case "email" -> "member" + id + "@example.jp";
			case "name" -> "山田 花子" + id;
			case "kana" -> "ヤマダ ハナコ";
			case "birth_date" -> "1990-04-0" + (id % 9 + 1);
			case "gender" -> id % 2 == 0 ? "FEMALE" : "MALE";
			case "phone" -> "090-" + String.format("%04d-%04d", id / 10000 % 10000, id % 10000);
			case "postal_code" -> "100-0001";
			case "prefecture" -> "東京都";
			case "address" -> "千代田区千代田1-" + id;
			case "building" -> id % 2 == 0 ? "みどりマンション" + id % 1000 + "号室" : null;
			case "occupation" -> "会社員";
			default -> throw new IllegalArgumentException(field);
		};
	}

	/** Inserts {@code count} sealed members of {@code shop}; returns their ids. */
	static long[] insert(ShopVault vault, Environment environment, ShopId shop, int count)
			throws SQLException, IOException {
		try (Connection connection = Databases.asSuperuser(environment)) {
			long[] ids = ids(connection, count);
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			try {
				for (int from = 0; from < count; from += CHUNK) {
					byte[] chunk = csv(vault, shop, ids, from, Math.min(count, from + CHUNK));
					copy.writeToCopy(chunk, 0, chunk.length);
				}
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			return ids;
		}
	}

	private static long[] ids(Connection connection, int count) throws SQLException {
		try (var query = connection.prepareStatement(
				"SELECT nextval('identity.member_account_id_seq') FROM generate_series(1, ?)")) {
			query.setInt(1, count);
			try (var rows = query.executeQuery()) {
				long[] ids = new long[count];
				for (int i = 0; rows.next(); i++) {
					ids[i] = rows.getLong(1);
				}
				return ids;
			}
		}
	}

	/** Sealing is most of the cost: the rows of a chunk are sealed on every core. */
	private static byte[] csv(ShopVault vault, ShopId shop, long[] ids, int from, int to) {
		String[] lines = new String[to - from];
		IntStream.range(from, to).parallel().forEach(i -> lines[i - from] = line(vault, shop, ids[i]));
		return String.join("", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String line(ShopVault vault, ShopId shop, long id) {
		StringBuilder line = new StringBuilder(2048).append(shop.value()).append(',').append(id).append(',')
			.append('"').append(PASSWORD_HASH).append("\",ACTIVE,")
			.append(hex(vault.blindIndex(shop, BlindIndexKind.EMAIL, valueOf("email", id))));
		for (String field : FIELDS) {
			line.append(',').append(hex(vault.encryptOptional(shop, FieldRef.of(TABLE, field, id), valueOf(field, id))));
		}
		return line.append('\n').toString();
	}

	private static String hex(byte[] bytes) {
		return bytes == null ? "" : "\\x" + HexFormat.of().formatHex(bytes);
	}

}
