package org.misemori.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import org.misemori.vault.KeyEncryptionKey;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, proves the key-encryption key in use is the one this database's keys were wrapped
 * with (a fixed value sealed on the first start), whichever implementation provides it.
 */
@Component
class KeyEncryptionKeyCheck implements InitializingBean {

	private static final byte[] CHECK = "misemori key-encryption key check".getBytes(StandardCharsets.UTF_8);

	private static final byte[] CONTEXT = "vault.kek_check".getBytes(StandardCharsets.UTF_8);

	private final KeyEncryptionKey kek;

	private final JdbcClient jdbc;

	KeyEncryptionKeyCheck(KeyEncryptionKey kek, JdbcClient jdbc) {
		this.kek = kek;
		this.jdbc = jdbc;
	}

	@Override
	public void afterPropertiesSet() throws GeneralSecurityException {
		jdbc.sql("INSERT INTO vault.kek_check (kek_id, sealed) VALUES (:id, :sealed) ON CONFLICT DO NOTHING")
			.param("id", kek.id())
			.param("sealed", kek.aead().encrypt(CHECK, CONTEXT))
			.update();
		StoredCheck stored = jdbc.sql("SELECT kek_id, sealed FROM vault.kek_check").query(StoredCheck.class).single();
		try {
			if (!MessageDigest.isEqual(kek.aead().decrypt(stored.sealed(), CONTEXT), CHECK)) {
				throw new GeneralSecurityException("check value differs");
			}
		}
		catch (GeneralSecurityException ex) {
			throw new MasterKeyUnavailableException("The key-encryption key " + kek.id()
					+ " is not the one this database's keys were wrapped with (" + stored.kekId() + ").");
		}
	}

	record StoredCheck(String kekId, byte[] sealed) {
	}

}
