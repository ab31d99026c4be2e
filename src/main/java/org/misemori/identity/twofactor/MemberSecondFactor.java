package org.misemori.identity.twofactor;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.misemori.identity.member.MemberPrincipal;
import org.misemori.platform.ShopId;
import org.misemori.vault.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' optional TOTP second factor: the rules are {@link TotpFactor}'s, as for staff, in
 * the member's own shop's rows. Unlike staff, a member may turn it off again; that, and
 * turning it on, need the account's password too, so a session left open is not enough to
 * lock its owner out with someone else's authenticator or to take the factor away.
 */
@Service
public class MemberSecondFactor {

	/** Longer input is refused before hashing: no one's password is this long. */
	private static final int PASSWORD_MAX = 512;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	private final TotpFactor factor;

	MemberSecondFactor(JdbcClient jdbc, TransactionTemplate transactions, SecretBox secrets, PasswordEncoder passwords,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.passwords = passwords;
		this.factor = new TotpFactor(secrets, clock);
	}

	public boolean isEnabled(ShopId shop, long memberId) {
		return call(shop, memberId, TotpRecords::isEnrolled);
	}

	/** A fresh secret awaiting its first code; refused once the factor is on. */
	public TotpEnrolment beginEnrolment(MemberPrincipal member, String shopCode) {
		return call(member.shopId(), member.memberId(), records -> factor.begin(records, shopCode + "/" + member.email()));
	}

	/** The recovery codes, to be shown once, if the password and the first code are right. */
	public Optional<List<String>> confirmEnrolment(MemberPrincipal member, String password, String code) {
		return call(member.shopId(), member.memberId(), records -> passwordMatches(member, password)
				? factor.confirm(records, code) : Optional.<List<String>>empty());
	}

	/** A TOTP code of a later step than any used before, or an unused recovery code. */
	public boolean verify(ShopId shop, long memberId, String code) {
		return call(shop, memberId, records -> factor.verify(records, code));
	}

	/** Turns the factor off if the password and a current code (or a recovery code) are right. */
	public boolean disable(MemberPrincipal member, String password, String code) {
		return call(member.shopId(), member.memberId(),
				records -> passwordMatches(member, password) && factor.verify(records, code) && records.remove());
	}

	private boolean passwordMatches(MemberPrincipal member, String password) {
		if (password == null || password.length() > PASSWORD_MAX) {
			return false;
		}
		return jdbc.sql("SELECT password_hash FROM identity.member_account WHERE shop_id = :shop AND id = :id")
			.param("shop", member.shopId().value())
			.param("id", member.memberId())
			.query(String.class)
			.optional()
			.filter(hash -> passwords.matches(password, hash))
			.isPresent();
	}

	private <T> T call(ShopId shop, long memberId, Function<? super ShopTotpRecords, T> work) {
		return ShopTotpRecords.inShop(jdbc, transactions, ShopTotpRecords.MEMBERS, shop, memberId, work);
	}

}
