package org.misemori.identity.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

/** The columns the three passkey tables share, to and from Spring Security's {@link CredentialRecord}. */
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

	static Passkey summary(ResultSet row, int rowNumber) throws SQLException {
		Timestamp lastUsed = row.getTimestamp("last_used_at");
		return new Passkey(new Bytes(row.getBytes("credential_id")).toBase64UrlString(), row.getString("label"),
				row.getTimestamp("created_at").toInstant(), lastUsed == null ? null : lastUsed.toInstant());
	}

	static String transports(Set<AuthenticatorTransport> transports) {
		return transports == null ? ""
				: transports.stream().map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(","));
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant == null ? Instant.now() : instant);
	}

	static byte[] raw(Bytes bytes) {
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
