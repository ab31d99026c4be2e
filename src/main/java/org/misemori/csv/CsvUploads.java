package org.misemori.csv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.misemori.platform.ShopId;
import org.misemori.vault.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded files between the preview and the confirmed import, kept in the database sealed
 * ({@link SecretBox}, bound to shop, purpose and token) and found by the SHA-256 of a 256-bit
 * token the preview's form carries: the file never travels back through the page. A file
 * opens only for the staff member who uploaded it, for {@link #KEPT} at most; it is deleted
 * when imported, and expired files go whenever the shop keeps a new one. Call as the shop's
 * tenant (row-level security).
 */
@Service
public class CsvUploads {

	public static final Duration KEPT = Duration.ofMinutes(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecretBox box;

	CsvUploads(JdbcClient jdbc, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	/** Keeps the file; returns the token that finds it again. */
	@Transactional
	public String keep(ShopId shop, String purpose, String uploadedBy, CsvEncoding encoding, byte[] file) {
		jdbc.sql("DELETE FROM csv.upload WHERE expires_at < now()").update();
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		byte[] hash = sha256(token);
		jdbc.sql("""
				INSERT INTO csv.upload (shop_id, token_hash, purpose, encoding, uploaded_by, file_sealed, expires_at)
				VALUES (:shop, :hash, :purpose, :encoding, :by, :file, now() + make_interval(mins => :minutes))""")
			.param("shop", shop.value())
			.param("hash", hash)
			.param("purpose", purpose)
			.param("encoding", encoding.name())
			.param("by", uploadedBy)
			.param("file", box.seal(file, context(shop, purpose, hash)))
			.param("minutes", (int) KEPT.toMinutes())
			.update();
		return token;
	}

	/** The file kept under this token for this uploader and purpose, if it has not expired. */
	@Transactional(readOnly = true)
	public Optional<KeptFile> find(ShopId shop, String purpose, String uploadedBy, String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		byte[] hash = sha256(token);
		return jdbc.sql("""
				SELECT encoding, file_sealed FROM csv.upload
				 WHERE token_hash = :hash AND purpose = :purpose AND uploaded_by = :by AND expires_at > now()""")
			.param("hash", hash)
			.param("purpose", purpose)
			.param("by", uploadedBy)
			.query((row, n) -> new KeptFile(CsvEncoding.valueOf(row.getString("encoding")),
					box.open(row.getBytes("file_sealed"), context(shop, purpose, hash))))
			.optional();
	}

	/** Forgets the file (after its import, or when the owner cancels). */
	@Transactional
	public void discard(String token) {
		if (token != null && token.matches("[A-Za-z0-9_-]{43}")) {
			jdbc.sql("DELETE FROM csv.upload WHERE token_hash = :hash").param("hash", sha256(token)).update();
		}
	}

	private static String context(ShopId shop, String purpose, byte[] hash) {
		return "csv-upload:" + shop.value() + ":" + purpose + ":" + HexFormat.of().formatHex(hash);
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record KeptFile(CsvEncoding encoding, byte[] file) {
	}

}
