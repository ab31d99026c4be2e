package org.misemori.payment.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.misemori.payment.BankAccount;
import org.misemori.payment.BankAccountChanged;
import org.misemori.payment.BankAccountForm;
import org.misemori.payment.BankAccountType;
import org.misemori.payment.BankAccounts;
import org.misemori.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's bank account row; row-level security keeps every statement to the current shop. */
@Service
class BankAccountService implements BankAccounts {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	BankAccountService(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<BankAccount> current() {
		return jdbc.sql("""
				SELECT bank_name, branch_name, account_type, account_number, holder FROM payment.shop_bank_account""")
			.query((row, n) -> new BankAccount(row.getString("bank_name"), row.getString("branch_name"),
					BankAccountType.valueOf(row.getString("account_type")), row.getString("account_number"),
					row.getString("holder")))
			.optional();
	}

	@Override
	@Transactional
	public BankAccount change(BankAccountForm form, String actor) {
		BankAccount account = BankAccountRules.check(form);
		Optional<BankAccount> before = current();
		long shop = TenantContext.current().orElseThrow(() -> new IllegalStateException("No current shop")).value();
		jdbc.sql("""
				INSERT INTO payment.shop_bank_account (shop_id, bank_name, branch_name, account_type, account_number,
				    holder, updated_at)
				VALUES (:shop, :bank, :branch, :type, :number, :holder, :now)
				ON CONFLICT (shop_id) DO UPDATE SET bank_name = EXCLUDED.bank_name, branch_name = EXCLUDED.branch_name,
				    account_type = EXCLUDED.account_type, account_number = EXCLUDED.account_number,
				    holder = EXCLUDED.holder, updated_at = EXCLUDED.updated_at""")
			.param("shop", shop)
			.param("bank", account.bankName())
			.param("branch", account.branchName())
			.param("type", account.type().name())
			.param("number", account.number())
			.param("holder", account.holder())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new BankAccountChanged(shop, before.map(BankAccountService::describe).orElse(""),
				describe(account), actor));
		return account;
	}

	/** For the audit log: the shop's account is published to every buyer, so it may be written out. */
	private static String describe(BankAccount account) {
		return account.bankName() + "/" + account.branchName() + "/" + account.type() + "/" + account.number() + "/"
				+ account.holder();
	}

}
