package org.misemori.identity.twofactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.misemori.identity.domain.Sha256;
import org.misemori.vault.SecretBox;

/**
 * The TOTP second factor's rules, whoever the account: enrolment confirmed by a first valid
 * code (which also issues ten recovery codes, shown once), each code accepted once, recovery
 * codes single-use, seeds sealed with the master key.
 */
final class TotpFactor {

	private static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final SecretBox secrets;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	TotpFactor(SecretBox secrets, Clock clock) {
		this.secrets = secrets;
		this.clock = clock;
	}

	TotpEnrolment begin(TotpRecords records, String accountName) {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		if (!records.storePending(secrets.seal(secret, records.sealContext()))) {
			throw new IllegalStateException(accountName + " already has a second factor");
		}
		return new TotpEnrolment(Totp.base32(secret), accountName);
	}

	Optional<List<String>> confirm(TotpRecords records, String code) {
		OptionalLong step = matchingStep(records, code, false);
		if (step.isEmpty() || !records.useStep(step.getAsLong(), true)) {
			return Optional.empty();
		}
		List<String> codes = new ArrayList<>();
		List<byte[]> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			hashes.add(Sha256.of(recovery));
		}
		records.replaceRecoveryCodes(hashes);
		return Optional.of(codes);
	}

	boolean verify(TotpRecords records, String code) {
		String trimmed = code == null ? "" : code.strip();
		if (trimmed.matches("\\d{6}")) {
			OptionalLong step = matchingStep(records, trimmed, true);
			return step.isPresent() && records.useStep(step.getAsLong(), false);
		}
		return trimmed.length() <= 40 && records.useRecoveryCode(Sha256.of(trimmed.toLowerCase(Locale.ROOT)));
	}

	private OptionalLong matchingStep(TotpRecords records, String code, boolean confirmed) {
		return records.load(confirmed)
			.map(stored -> Totp.verify(secrets.open(stored.sealed(), records.sealContext()), code, clock.instant(),
					stored.lastUsedStep()))
			.orElse(OptionalLong.empty());
	}

	/** 16 characters from a 31-letter alphabet without look-alikes: about 79 bits. */
	private String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

}
