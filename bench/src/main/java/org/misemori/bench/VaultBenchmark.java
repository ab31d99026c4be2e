package org.misemori.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Operations a second of the vault's three primitives with Misemori's scheme (see {@link ShopKeys}):
 * AES-256-GCM encryption and decryption of a member's field, bound to shop, table, column and row,
 * and the HMAC-SHA256 blind index of an email address. Each includes what {@code TinkShopVault}
 * does around the cipher: UTF-8 conversion and building the associated data.
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VaultBenchmark {

	private static final String TABLE = "identity.member_account";

	private static final String ROW = "104729";

	/** A field to seal: {@code name} is a short Japanese name, {@code address} 60 Japanese characters (180 bytes). */
	@State(Scope.Benchmark)
	public static class Field {

		@Param({ "name", "address" })
		public String column;

		ShopKeys keys;

		String plaintext;

		byte[] ciphertext;

		@Setup
		public void setUp() {
			keys = ShopKeys.generate(42);
			plaintext = switch (column) {
				case "name" -> "山田 花子";
				case "address" -> "北海道札幌市中央区南一条西四丁目五番地一　大通りセントラルビルディング十二階　株式会社見世守　札幌営業所　総務部経理課宛";
				default -> throw new IllegalArgumentException(column);
			};
			if (column.equals("address") && plaintext.length() != 60) {
				throw new IllegalStateException("The address is meant to be 60 characters: " + plaintext.length());
			}
			ciphertext = keys.encrypt(TABLE, column, ROW, plaintext);
			if (!plaintext.equals(keys.decrypt(TABLE, column, ROW, ciphertext))) {
				throw new IllegalStateException("Does not round-trip");
			}
		}

	}

	@State(Scope.Benchmark)
	public static class Index {

		ShopKeys keys;

		final String email = "Hanako.Yamada+shop@Example.co.jp";

		@Setup
		public void setUp() {
			keys = ShopKeys.generate(42);
		}

	}

	@Benchmark
	public byte[] encrypt(Field field) {
		return field.keys.encrypt(TABLE, field.column, ROW, field.plaintext);
	}

	@Benchmark
	public String decrypt(Field field) {
		return field.keys.decrypt(TABLE, field.column, ROW, field.ciphertext);
	}

	@Benchmark
	public byte[] blindIndexOfEmail(Index index) {
		return index.keys.emailIndex(index.email);
	}

	/** Both cores at once, as two requests would: operations a second for both threads together. */
	@Benchmark
	@Threads(2)
	public byte[] encryptOnTwoThreads(Field field) {
		return field.keys.encrypt(TABLE, field.column, ROW, field.plaintext);
	}

	@Benchmark
	@Threads(2)
	public String decryptOnTwoThreads(Field field) {
		return field.keys.decrypt(TABLE, field.column, ROW, field.ciphertext);
	}

	@Benchmark
	@Threads(2)
	public byte[] blindIndexOfEmailOnTwoThreads(Index index) {
		return index.keys.emailIndex(index.email);
	}

}
