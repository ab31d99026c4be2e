package org.misemori.identity.twofactor;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.vault.SecretBox;

import org.springframework.stereotype.Service;

/** Operators' TOTP second factor; the rules are {@link TotpFactor}'s, the rows the cross-shop role's. */
@Service
public class OperatorSecondFactor {

	private final CrossShopAccess crossShop;

	private final TotpFactor factor;

	OperatorSecondFactor(CrossShopAccess crossShop, SecretBox secrets, Clock clock) {
		this.crossShop = crossShop;
		this.factor = new TotpFactor(secrets, clock);
	}

	public boolean isEnrolled(String loginId) {
		return call(loginId, "check second factor", TotpRecords::isEnrolled);
	}

	/** A fresh secret awaiting its first code; replaces an earlier unconfirmed one. Refused once enrolled. */
	public TotpEnrolment beginEnrolment(String loginId) {
		return call(loginId, "begin second-factor enrolment", records -> factor.begin(records, loginId));
	}

	/** Confirms the pending secret with a first code; the recovery codes, to be shown once. */
	public Optional<List<String>> confirmEnrolment(String loginId, String code) {
		return call(loginId, "confirm second-factor enrolment", records -> factor.confirm(records, code));
	}

	/** A TOTP code of a later step than any used before, or an unused recovery code. */
	public boolean verify(String loginId, String code) {
		return call(loginId, "verify second factor", records -> factor.verify(records, code));
	}

	private <T> T call(String loginId, String what, Function<TotpRecords, T> work) {
		return crossShop.call(CrossShopPurpose.OPERATOR_ACCOUNTS, what + " of " + loginId,
				jdbc -> work.apply(new OperatorTotpRecords(jdbc, loginId)));
	}

}
