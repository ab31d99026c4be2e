package org.misemori.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pages a second of the admin's member list of 100 rows ({@link MemberListPage}), plain columns
 * against sealed ones, in one JMH run.
 *
 * <p>{@code sideBySide} gives the ratio: a plain page, a plain page with the read record and a
 * sealed page rendered at the same time on three threads (three connections) of one fork, against
 * one database holding both tables. Whatever else runs on the machine slows all three alike, so
 * their ratios hold on a busy machine, where forks run a minute apart would not. {@code page}
 * renders one variant alone per fork, one after another: figures without the other threads, and
 * {@code sealed-recorded-sync}, which waits on the disk and so does not belong in a group that
 * shares the CPU fairly.
 */
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
// Long warm-up: a page is milliseconds, and on a busy machine the JIT needs thousands of them.
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MemberListPageBenchmark {

	@State(Scope.Benchmark)
	public static class Database {

		MemberListDatabase database;

		@Setup
		public void setUp() throws IOException, java.sql.SQLException {
			database = MemberListDatabase.start();
		}

		@TearDown
		public void tearDown() throws IOException {
			database.close();
		}

	}

	@State(Scope.Thread)
	public static class OneVariant {

		@Param({ "plain", "plain-recorded", "sealed-recorded", "sealed-recorded-sync" })
		public String variant;

		MemberListPage page;

		@Setup
		public void setUp(Database database) throws SQLException {
			page = new MemberListPage(database.database, variant);
		}

		@TearDown
		public void tearDown() throws SQLException {
			page.close();
		}

	}

	@State(Scope.Thread)
	public static class PlainPage {

		MemberListPage page;

		@Setup
		public void setUp(Database database) throws SQLException {
			page = new MemberListPage(database.database, "plain");
		}

		@TearDown
		public void tearDown() throws SQLException {
			page.close();
		}

	}

	@State(Scope.Thread)
	public static class PlainRecordedPage {

		MemberListPage page;

		@Setup
		public void setUp(Database database) throws SQLException {
			page = new MemberListPage(database.database, "plain-recorded");
		}

		@TearDown
		public void tearDown() throws SQLException {
			page.close();
		}

	}

	@State(Scope.Thread)
	public static class SealedPage {

		MemberListPage page;

		@Setup
		public void setUp(Database database) throws SQLException {
			page = new MemberListPage(database.database, "sealed-recorded");
		}

		@TearDown
		public void tearDown() throws SQLException {
			page.close();
		}

	}

	@Benchmark
	public String page(OneVariant one) throws SQLException {
		return one.page.render();
	}

	@Benchmark
	@Group("sideBySide")
	@GroupThreads(1)
	public String plain(PlainPage plain) throws SQLException {
		return plain.page.render();
	}

	@Benchmark
	@Group("sideBySide")
	@GroupThreads(1)
	public String plainRecorded(PlainRecordedPage plainRecorded) throws SQLException {
		return plainRecorded.page.render();
	}

	@Benchmark
	@Group("sideBySide")
	@GroupThreads(1)
	public String sealed(SealedPage sealed) throws SQLException {
		return sealed.page.render();
	}

}
