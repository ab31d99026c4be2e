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

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * What one Argon2id hash costs the server at Misemori's parameters, measured in the same run as
 * Spring Security's own defaults and OWASP's other recommended setting, so the figures can be read
 * as ratios, which survive a noisy machine better than milliseconds do. Every sign-in pays one
 * {@code matches}, every new password one {@code encode}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class Argon2idBenchmark {

	private static final String PASSWORD = "近所の猫が毎朝七時に窓を叩く。";

	/**
	 * misemori: identity/domain/PasswordHashing (m = 19 MiB, t = 2, p = 1), OWASP's first choice;
	 * spring-v5_8: Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8() (m = 16 MiB, t = 2, p = 1);
	 * owasp-46mib: OWASP's alternative of more memory and one pass (m = 46 MiB, t = 1, p = 1).
	 */
	@Param({ "misemori", "spring-v5_8", "owasp-46mib" })
	private String parameters;

	private Argon2PasswordEncoder encoder;

	private String hash;

	@Setup
	public void setUp() {
		encoder = switch (parameters) {
			case "misemori" -> new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
			case "spring-v5_8" -> Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
			case "owasp-46mib" -> new Argon2PasswordEncoder(16, 32, 1, 46 * 1024, 1);
			default -> throw new IllegalArgumentException(parameters);
		};
		hash = encoder.encode(PASSWORD);
		if (!encoder.matches(PASSWORD, hash)) {
			throw new IllegalStateException("The " + parameters + " encoder does not verify its own hash");
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public String encode() {
		return encoder.encode(PASSWORD);
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public boolean matches() {
		return encoder.matches(PASSWORD, hash);
	}

	/** Both cores hashing at once, as two sign-ins arriving together would: total hashes a second. */
	@Benchmark
	@Threads(2)
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public boolean matchesOnTwoThreads() {
		return encoder.matches(PASSWORD, hash);
	}

	@Benchmark
	@Threads(2)
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public String encodeOnTwoThreads() {
		return encoder.encode(PASSWORD);
	}

}
