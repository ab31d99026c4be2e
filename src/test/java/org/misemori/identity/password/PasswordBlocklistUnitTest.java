package org.misemori.identity.password;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordBlocklistUnitTest {

	private static final PasswordBlocklist BUNDLED = PasswordBlocklist.bundled();

	@Test
	void theBundledListHasAtLeastAHundredThousandDistinctEntries() {
		assertThat(BUNDLED.size()).isGreaterThanOrEqualTo(100_000);
	}

	@Test
	void theFileHoldsDistinctEntriesInTheComparedFormThatTheLengthRulesLeaveReachable() throws IOException {
		List<String> lines = bundledLines();
		Set<String> distinct = new HashSet<>(lines);
		assertThat(distinct).hasSize(lines.size()).hasSizeGreaterThanOrEqualTo(100_000);
		assertThat(lines).allSatisfy(line -> {
			assertThat(PasswordText.comparable(line)).isEqualTo(line);
			assertThat(PasswordText.length(line)).isBetween(AccountKind.MEMBER.minLength(), PasswordPolicy.MAX_LENGTH);
		});
		assertThat(BUNDLED.size()).isEqualTo(lines.size());
	}

	@Test
	void everyEntryOfTheFileIsFoundAndNeighboursAreNot() throws IOException {
		List<String> lines = bundledLines();
		assertThat(lines).allSatisfy(line -> assertThat(BUNDLED.contains(line)).as(line).isTrue());
		assertThat(BUNDLED.contains("")).isFalse();
		assertThat(BUNDLED.contains("passwor")).isFalse();
		assertThat(BUNDLED.contains("password\u0000")).isFalse();
		assertThat(BUNDLED.contains("\uFFFF".repeat(8))).isFalse();
	}

	@Test
	void entriesAreDedupedSortedAndLookedUpByCodePoint() throws IOException {
		String file = "zzzzzzzz\npassword\n\npassword\n店守のパスワード\n🍣🍣🍣🍣🍣🍣🍣🍣\n\uFFFDabcdefg\nistanbul1\n";
		PasswordBlocklist list = PasswordBlocklist.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
		assertThat(list.size()).isEqualTo(6);
		for (String entry : List.of("password", "zzzzzzzz", "店守のパスワード", "🍣🍣🍣🍣🍣🍣🍣🍣", "\uFFFDabcdefg", "istanbul1")) {
			assertThat(list.contains(entry)).as(entry).isTrue();
		}
		assertThat(list.contains("zzzzzzz")).isFalse();
		assertThat(list.contains("passwore")).isFalse();
		assertThat(list.contains("店守")).isFalse();
		assertThat(list.contains("🍣")).isFalse();
	}

	@Test
	void theComparedFormIsStable() {
		for (String text : List.of("İSTANBUL", "ﬃ", "Ⅻ", "㍻", "ＡＢＣ　", "Straße", "ΣΊΣΥΦΟΣ", "か\u3099")) {
			String once = PasswordText.comparable(text);
			assertThat(PasswordText.comparable(once)).as(text).isEqualTo(once);
		}
	}

	private static List<String> bundledLines() throws IOException {
		try (InputStream in = new GZIPInputStream(PasswordBlocklist.class.getResourceAsStream(PasswordBlocklist.BUNDLED));
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().toList();
		}
	}

}
