package org.misemori.identity.lockout;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FailurePolicyUnitTest {

	@ParameterizedTest(name = "after {0} failures a member waits {1} s")
	@CsvSource({ "1, 0", "4, 0", "5, 1", "6, 2", "7, 4", "10, 32", "14, 512", "15, 900", "16, 900", "40, 900",
			"100000, 900", "2147483647, 900" })
	void membersWaitTwiceAsLongAfterEachFailurePastTheFifthUpToFifteenMinutes(int failures, long seconds) {
		assertThat(FailurePolicy.PROGRESSIVE_DELAY.blockAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
		assertThat(FailurePolicy.PROGRESSIVE_DELAY.locks()).isFalse();
	}

	@Test
	void theDelayNeverShrinksAsFailuresGrow() {
		Duration previous = Duration.ZERO;
		for (int failures = 1; failures < 200; failures++) {
			Duration delay = FailurePolicy.PROGRESSIVE_DELAY.blockAfter(failures);
			assertThat(delay).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofMinutes(15));
			previous = delay;
		}
	}

	@ParameterizedTest(name = "after {0} failures an operator or staff account is blocked {1} min")
	@CsvSource({ "1, 0", "9, 0", "10, 30", "11, 30", "1000, 30" })
	void staffAndOperatorsAreLockedForThirtyMinutesAtTheTenthFailure(int failures, long minutes) {
		assertThat(FailurePolicy.LOCK.blockAfter(failures)).isEqualTo(Duration.ofMinutes(minutes));
		assertThat(FailurePolicy.LOCK.locks()).isTrue();
	}

	@Test
	void eachKindGetsItsPolicy() {
		assertThat(SignInLimits.of(AccountKey.Kind.OPERATOR).failures()).isSameAs(FailurePolicy.LOCK);
		assertThat(SignInLimits.of(AccountKey.Kind.STAFF).failures()).isSameAs(FailurePolicy.LOCK);
		assertThat(SignInLimits.of(AccountKey.Kind.MEMBER).failures()).isSameAs(FailurePolicy.PROGRESSIVE_DELAY);
	}

}
