package org.misemori.identity.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;

/**
 * The columns the three kinds of passkey tables share, to and from Spring Security's
 * {@link CredentialRecord} and {@link PublicKeyCredentialUserEntity}: the statements differ per
 * kind, the rows and parameters do not.
 */
final class CredentialRows {

	private CredentialRows() {
	}

	static CredentialRecord record(ResultSet row, int rowNumber) throws SQLException {
		ImmutableCredentialRecord.ImmutableCredentialRecordBuilder builder = ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(new Bytes(row.getBytes("credential_id")))
			.userEntityUserId(new Bytes(row.getBytes("user_handle")))
			.label(row.getString("label"))
			.publicKey(new ImmutablePublicKeyCose(row.getBytes("public_key")))
			.signatureCount(row.getLong("signature_count"))
			.uvInitialized(row.getBoolean("uv_initialized"))
			.backupEligible(row.getBoolean("backup_eligible"))
			.backupState(row.getBoolean("backup_state"))
			.transports(transports(row.getString("transports")))
			.attestationObject(bytes(row.getBytes("attestation_object")))
			.attestationClientDataJSON(bytes(row.getBytes("attestation_client_data_json")))
			.created(row.getTimestamp("created_at").toInstant());
		Timestamp lastUsed = row.getTimestamp("last_used_at");
		if (lastUsed != null) {
			builder.lastUsed(lastUsed.toInstant());
		}
		return builder.build();
	}

	/** A holder row ({@code user_handle, name}); we keep no separate display name. */
	static PublicKeyCredentialUserEntity holder(ResultSet row, int rowNumber) throws SQLException {
		String name = row.getString(2);
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(new Bytes(row.getBytes(1)))
			.name(name)
			.displayName(name)
			.build();
	}

	/**
	 * Binds a credential to a statement saving it: {@code :handle} names the holder, and
	 * {@code :lastUsed} is only written when the row already exists (after a sign-in).
	 */
	static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CredentialRecord record) {
		return statement.param("id", record.getCredentialId().getBytes())
			.param("label", record.getLabel())
			.param("key", record.getPublicKey().getBytes())
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("be", record.isBackupEligible())
			.param("bs", record.isBackupState())
			.param("transports", transports(record.getTransports()))
			.param("attestation", raw(record.getAttestationObject()))
			.param("clientData", raw(record.getAttestationClientDataJSON()))
			.param("created", timestamp(record.getCreated()))
			.param("lastUsed", record.getLastUsed() == null ? null : timestamp(record.getLastUsed()))
			.param("handle", record.getUserEntityUserId().getBytes());
	}

	static Passkey summary(ResultSet row, int rowNumber) throws SQLException {
		Timestamp lastUsed = row.getTimestamp("last_used_at");
		return new Passkey(new Bytes(row.getBytes("credential_id")).toBase64UrlString(), row.getString("label"),
				row.getTimestamp("created_at").toInstant(), lastUsed == null ? null : lastUsed.toInstant());
	}

	private static String transports(Set<AuthenticatorTransport> transports) {
		return transports == null ? ""
				: transports.stream().map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(","));
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant == null ? Instant.now() : instant);
	}

	private static byte[] raw(Bytes bytes) {
		return bytes == null ? null : bytes.getBytes();
	}

	private static Set<AuthenticatorTransport> transports(String stored) {
		return Arrays.stream(stored.split(","))
			.filter(value -> !value.isBlank())
			.map(AuthenticatorTransport::valueOf)
			.collect(Collectors.toUnmodifiableSet());
	}

	private static Bytes bytes(byte[] raw) {
		return raw == null ? null : new Bytes(raw);
	}

}
