package org.misemori.identity.lockout;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.misemori.identity.lockout.Admission.Refusal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one throttle for every sign-in, whatever the kind of account. A flow calls
 * {@link #admit} before it looks at the password, then {@link #failed} or {@link #succeeded}.
 * Locked accounts and exhausted limits are refused before the password is checked, so that a
 * locked account answers the same to the right password as to a wrong one and cannot be used
 * to test guesses. Attempted names that match no account are counted like real ones.
 * <p>
 * All state is in PostgreSQL (buckets, counts, locks), so limits hold across nodes.
 */
@Service
public class LoginThrottle {

	private final RateLimits limits;

	private final FailureLedger ledger;

	private final LockNotice notice;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LoginThrottle(RateLimits limits, FailureLedger ledger, LockNotice notice, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, Clock clock) {
		this.limits = limits;
		this.ledger = ledger;
		this.notice = notice;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Whether this attempt may go on to the password check. Takes one attempt from the client
	 * address's budget and, unless the account is locked or delayed, one from the account's.
	 */
	public Admission admit(AccountKey account, String clientAddress) {
		SignInLimits rules = SignInLimits.of(account.kind());
		Admission admission = decide(account, clientAddress, rules);
		if (!admission.isAllowed()) {
			publishRefusal(account, clientAddress, admission);
		}
		return admission;
	}

	/**
	 * The password was wrong, or the name matches no account: counts a consecutive failure.
	 * The failure that reaches the threshold locks an operator or staff account and queues one
	 * mail to its holder, all in one transaction; a member's account is delayed instead.
	 */
	public void failed(AccountKey account, String clientAddress) {
		FailurePolicy policy = SignInLimits.of(account.kind()).failures();
		transactions.executeWithoutResult(status -> ledger.recordFailure(account.id(), clientAddress, policy)
			.ifPresent(lock -> {
				notice.send(account, lock);
				events.publishEvent(new AccountLocked(account.id(), account.shopId(), lock.failures(), lock.lastAddress(),
						lock.lockedAt(), lock.until()));
			}));
	}

	/**
	 * The password was right: forgets the failures and gives back the attempt's tokens. Refused
	 * if a lock began while the password was being checked (a failure on another node): then
	 * the sign-in must not complete, however right the password.
	 */
	public Admission succeeded(AccountKey account, String clientAddress) {
		Optional<FailureLedger.Block> lock = ledger.clear(account.id());
		if (lock.isPresent()) {
			Admission refused = Admission.refused(Refusal.LOCKED, lock.get().remaining(clock));
			publishRefusal(account, clientAddress, refused);
			return refused;
		}
		SignInLimits rules = SignInLimits.of(account.kind());
		limits.giveBack(rules.addressBucket(clientAddress), rules.perAddress());
		limits.giveBack(SignInLimits.accountBucket(account), rules.perAccount());
		return Admission.allowed();
	}

	/** Address first (cheapest refusal for a flood from one place), then lock, then account. */
	private Admission decide(AccountKey account, String clientAddress, SignInLimits rules) {
		Optional<Duration> wait = limits.take(rules.addressBucket(clientAddress), rules.perAddress());
		if (wait.isPresent()) {
			return Admission.refused(Refusal.ADDRESS_LIMIT, wait.get());
		}
		Optional<FailureLedger.Block> block = ledger.activeBlock(account.id());
		if (block.isPresent()) {
			return Admission.refused(block.get().locked() ? Refusal.LOCKED : Refusal.DELAYED,
					block.get().remaining(clock));
		}
		wait = limits.take(SignInLimits.accountBucket(account), rules.perAccount());
		return wait.map(duration -> Admission.refused(Refusal.ACCOUNT_LIMIT, duration)).orElse(Admission.allowed());
	}

	private void publishRefusal(AccountKey account, String clientAddress, Admission admission) {
		events.publishEvent(new LoginThrottled(account.id(), account.shopId(), admission.refusal(), admission.retryAfter(),
				clientAddress));
	}

}
