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

import org.misemori.vault.SecretBox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The local master key: a Tink AES-256-GCM keyset in {@code <data dir>/keys/master-keyset.json},
 * created on first start, readable by the owner only. It never enters the database, so a dump
 * or an injected query cannot unseal anything. (A cloud KMS or HashiCorp Vault implementation of
 * the same role comes with the key-management SPI.)
 */
@Component
class MasterKeyset implements SecretBox {

	private final Aead aead;

	MasterKeyset(@Value("${misemori.data-dir}") String dataDirectory) {
		try {
			AeadConfig.register();
			this.aead = loadOrCreate(Path.of(dataDirectory).resolve("keys/master-keyset.json"))
				.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The master keyset cannot be used", ex);
		}
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
