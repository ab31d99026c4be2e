package org.misemori.identity.password;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.ThreadMXBean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

class PasswordPolicyUnitTest {

	private static final PasswordPolicy POLICY = new PasswordPolicy(PasswordBlocklist.bundled());

	private static final PasswordContext OPERATOR = new PasswordContext(AccountKind.OPERATOR, "ops.hanako", null);

	private static final PasswordContext MEMBER = new PasswordContext(AccountKind.MEMBER, null,
			"yamada.taro+shop@example.jp");

	@Test
	void aLongUnlistedPassphrasePasses() {
		assertThat(POLICY.check("correct horse battery staple 店守", OPERATOR)).isEmpty();
		assertThat(POLICY.check("近所の猫が毎朝七時に窓を叩く。", OPERATOR)).isEmpty();
		assertThat(POLICY.check("kumo-no-ue-de-hirune", MEMBER)).isEmpty();
	}

	@Test
	void operatorsAndStaffNeedFifteenCharactersMembersEight() {
		assertThat(POLICY.check("Sh0rt!Pass#1234", OPERATOR)).isEmpty();
		assertThat(POLICY.check("Sh0rt!Pass#123", OPERATOR)).hasValue(PasswordProblem.tooShort(15));
		assertThat(POLICY.check("Sh0rt!Pass#123", new PasswordContext(AccountKind.STAFF, "tenchou", null)))
			.hasValue(PasswordProblem.tooShort(15));
		assertThat(POLICY.check("Sh0rt!Pass#123", MEMBER)).isEmpty();
		assertThat(POLICY.check("K7#m!q2", MEMBER)).hasValue(PasswordProblem.tooShort(8));
		assertThat(POLICY.check(null, MEMBER)).hasValue(PasswordProblem.tooShort(8));
	}

	@Test
	void noCompositionRules() {
		assertThat(POLICY.check("only lower case letters and spaces", OPERATOR)).isEmpty();
		assertThat(POLICY.check("948305716284930", OPERATOR)).isEmpty();
	}

	@Test
	void lengthCountsCharactersNotUtf16UnitsOrBytes() {
		// Fourteen kanji and kana are fourteen characters (42 bytes of UTF-8): too short for an operator.
		assertThat(POLICY.check("近所の猫が毎朝七時に窓を叩く", OPERATOR)).hasValue(PasswordProblem.tooShort(15));
		// Each emoji is two UTF-16 units but one character: seven of them are fourteen units, too few.
		assertThat(POLICY.check("🍣🍜🍙🍡🍵🍢🍘", MEMBER)).hasValue(PasswordProblem.tooShort(8));
		assertThat(POLICY.check("🍣🍜🍙🍡🍵🍢🍘🍱", MEMBER)).isEmpty();
		// A character and its combining mark, typed apart (NFD), count once as the character they make.
		assertThat(POLICY.check("か\u3099き\u3099く\u3099け\u3099こ\u3099さ\u3099し\u3099", MEMBER))
			.hasValue(PasswordProblem.tooShort(8));
	}

	@Test
	void atMost128Characters() {
		String passphrase = "店守の合言葉は長くてよい。";
		String longest = passphrase.repeat(9) + "x".repeat(128 - 9 * passphrase.length());
		assertThat(PasswordText.length(longest)).isEqualTo(128);
		assertThat(POLICY.check(longest, OPERATOR)).isEmpty();
		assertThat(POLICY.check(longest + "y", OPERATOR)).hasValue(PasswordProblem.tooLong(128));
		// 128 emoji are 256 UTF-16 units and still a valid length.
		assertThat(POLICY.check("🍣🍜".repeat(64), OPERATOR)).isEmpty();
	}

	@Test
	void aMegabyteIsRefusedFastWithoutBeingNormalised() {
		// U+FDFA becomes 18 characters under NFKC: normalising this would build 18 million of them.
		String megabyte = "\uFDFA".repeat(1 << 20);
		PasswordContext oversizedNames = new PasswordContext(AccountKind.MEMBER, megabyte, megabyte + "@example.jp");
		assertTimeout(Duration.ofMillis(50), () -> {
			assertThat(POLICY.check(megabyte, OPERATOR)).hasValue(PasswordProblem.tooLong(128));
			assertThat(POLICY.check("kumo-no-ue-de-hirune", oversizedNames)).isEmpty();
		});
		// Even one copy of the megabyte would be 2 MB; its NFKC form 37 MB.
		assertThat(allocatedWhile(() -> POLICY.check(megabyte, OPERATOR))).isLessThan(1 << 20);
		assertThat(allocatedWhile(() -> POLICY.check("kumo-no-ue-de-hirune", oversizedNames))).isLessThan(1 << 20);
	}

	@Test
	void listedPasswordsAreRefusedWhateverTheirCaseWidthOrSurroundingSpace() {
		PasswordProblem listed = PasswordProblem.of(PasswordRule.BLOCKLISTED);
		assertThat(POLICY.check("password", MEMBER)).hasValue(listed);
		assertThat(POLICY.check("PassWord", MEMBER)).hasValue(listed);
		assertThat(POLICY.check("ＰＡＳＳＷＯＲＤ", MEMBER)).hasValue(listed);
		assertThat(POLICY.check("  password ", MEMBER)).hasValue(listed);
		assertThat(POLICY.check("iloveyou", MEMBER)).hasValue(listed);
		assertThat(POLICY.check("takahashi", MEMBER)).hasValue(listed);
		assertThat(POLICY.check("123456789012345", OPERATOR)).hasValue(listed);
		assertThat(POLICY.check("correct horse battery staple", OPERATOR)).hasValue(listed);
	}

	@Test
	void oneRepeatedCharacterIsRefused() {
		PasswordProblem repeated = PasswordProblem.of(PasswordRule.REPEATED);
		assertThat(POLICY.check("a".repeat(20), OPERATOR)).hasValue(repeated);
		assertThat(POLICY.check("aAaAaAaAaAaAaAaA", OPERATOR)).hasValue(repeated);
		assertThat(POLICY.check("ああああああああ", MEMBER)).hasValue(repeated);
		assertThat(POLICY.check("ababababcdcdcdcd", MEMBER)).isEmpty();
	}

	@Test
	void theLoginIdOrEmailNameIsNeitherThePasswordNorPartOfIt() {
		PasswordProblem personal = PasswordProblem.of(PasswordRule.CONTAINS_LOGIN_ID);
		PasswordContext longId = new PasswordContext(AccountKind.STAFF, "tanaka-shop-2024", null);
		assertThat(POLICY.check("tanaka-shop-2024", longId)).hasValue(personal);
		assertThat(POLICY.check("TANAKA-SHOP-2024", longId)).hasValue(personal);
		assertThat(POLICY.check("ops.hanako is the best operator", OPERATOR)).hasValue(personal);
		assertThat(POLICY.check("i am yamada.taro+shop", MEMBER)).hasValue(personal);
		assertThat(POLICY.check("yamada.taro2025", MEMBER)).hasValue(personal);
		// A three-letter login ID inside ordinary words is a coincidence, not a weakness.
		PasswordContext shortId = new PasswordContext(AccountKind.OPERATOR, "ops", null);
		assertThat(POLICY.check("the shop stops at ten tonight", shortId)).isEmpty();
	}

	@Test
	void eachRuleHasItsOwnMessageKeyAndArguments() {
		assertThat(PasswordProblem.tooShort(15).messageKey()).isEqualTo("password.too-short");
		assertThat(PasswordProblem.tooShort(15).messageArguments()).containsExactly(15);
		assertThat(PasswordProblem.tooLong(128).messageKey()).isEqualTo("password.too-long");
		assertThat(PasswordProblem.tooLong(128).messageArguments()).containsExactly(128);
		assertThat(PasswordProblem.of(PasswordRule.BLOCKLISTED).messageKey()).isEqualTo("password.blocklisted");
		assertThat(PasswordProblem.of(PasswordRule.CONTAINS_LOGIN_ID).messageKey())
			.isEqualTo("password.contains-login-id");
		assertThat(PasswordProblem.of(PasswordRule.REPEATED).messageKey()).isEqualTo("password.repeated");
		assertThat(PasswordProblem.of(PasswordRule.REPEATED).messageArguments()).isEmpty();
	}

	/** Bytes this thread allocated while running the check: a normalised copy would be megabytes. */
	private static long allocatedWhile(Runnable check) {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		check.run();
		return threads.getCurrentThreadAllocatedBytes() - before;
	}

}
