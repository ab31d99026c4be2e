package org.misemori.identity.twofactor;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.misemori.identity.staff.StaffMember;
import org.misemori.vault.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Shop staff's TOTP second factor, in the staff member's own shop's rows. */
@Service
public class StaffSecondFactor {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TotpFactor factor;

	StaffSecondFactor(JdbcClient jdbc, TransactionTemplate transactions, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.factor = new TotpFactor(secrets, clock);
	}

	public boolean isEnrolled(StaffMember staff) {
		return call(staff, TotpRecords::isEnrolled);
	}

	public TotpEnrolment beginEnrolment(StaffMember staff) {
		return call(staff, records -> factor.begin(records, staff.getUsername()));
	}

	public Optional<List<String>> confirmEnrolment(StaffMember staff, String code) {
		return call(staff, records -> factor.confirm(records, code));
	}

	public boolean verify(StaffMember staff, String code) {
		return call(staff, records -> factor.verify(records, code));
	}

	private <T> T call(StaffMember staff, Function<TotpRecords, T> work) {
		return ShopTotpRecords.inShop(jdbc, transactions, ShopTotpRecords.STAFF, staff.shopId(), staff.staffId(), work);
	}

}
