package org.misemori.vault.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.misemori.vault.KeyEncryptionKey;
import org.misemori.vault.SecretBox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The local master key: a Tink AES-256-GCM keyset in {@code <data dir>/keys/master-keyset.json},
 * readable by the owner only. It never enters the database, so a dump or an injected query
 * cannot unseal anything. Created on the first start only: once the database holds anything
 * wrapped with it ({@code vault.kek_check}), a missing or unreadable file stops the start
 * instead of a new key being made beside data it could never open.
 */
@Component
class MasterKeyset implements SecretBox, KeyEncryptionKey {

	private final Aead aead;

	private final String id;

	@Autowired
	MasterKeyset(@Value("${misemori.data-dir}") String dataDirectory, JdbcClient jdbc) {
		this(dataDirectory, jdbc.sql("SELECT EXISTS (SELECT 1 FROM vault.kek_check)").query(Boolean.class).single());
	}

	/** @param databaseUsesAKey whether the database already holds anything wrapped with a master key */
	MasterKeyset(String dataDirectory, boolean databaseUsesAKey) {
		Path file = Path.of(dataDirectory).toAbsolutePath().normalize().resolve("keys/master-keyset.json");
		if (!Files.exists(file) && databaseUsesAKey) {
			throw new MasterKeyUnavailableException(file, "is missing");
		}
		try {
			AeadConfig.register();
			KeysetHandle keyset = loadOrCreate(file);
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
			this.id = "local:" + keyset.getPrimary().getId();
		}
		catch (GeneralSecurityException | UncheckedIOException ex) {
			throw new MasterKeyUnavailableException(file, "cannot be read as a Tink keyset (" + ex.getMessage() + ")");
		}
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public Aead aead() {
		return aead;
	}

	@Override
	public byte[] seal(byte[] plaintext, String context) {
		try {
			return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Sealing failed", ex);
		}
	}

	@Override
	public byte[] open(byte[] ciphertext, String context) {
		try {
			return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A sealed secret did not open: wrong key or moved ciphertext", ex);
		}
	}

	private static KeysetHandle loadOrCreate(Path file) throws GeneralSecurityException {
		try {
			if (!Files.exists(file)) {
				create(file, TinkJsonProtoKeysetFormat.serializeKeyset(
						KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()));
			}
			return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master keyset " + file, ex);
		}
	}

	/** Owner-only from the first byte; losing a race to another node's creation is fine. */
	private static void create(Path file, String keyset) throws IOException {
		Files.createDirectories(file.getParent());
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, keyset, StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (FileAlreadyExistsException ex) {
			// Created meanwhile by another process: use theirs.
		}
	}

}
