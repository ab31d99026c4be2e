package org.misemori.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL text reaching JDBC must be a compile-time constant; values travel as bind parameters. The
 * rule is checked on the compiled production classes, and the fixtures below prove the checker
 * both catches each way of building SQL at run time and leaves constant SQL alone.
 */
class SqlIsNeverConcatenatedTest {

	/** Relative to the project root, which is the working directory under Maven Surefire. */
	private static final Path PRODUCTION_CLASSES = Path.of("target", "classes", "org", "misemori");

	private final SqlArgumentChecker checker = new SqlArgumentChecker();

	@Test
	void productionSqlIsNeverConcatenated() throws IOException {
		assertThat(PRODUCTION_CLASSES).as("compiled production classes").isDirectory();
		List<Path> classFiles = classFilesUnder(PRODUCTION_CLASSES);
		// A wrong path or an empty build must not pass for "no violations".
		assertThat(classFiles).as("class files under %s", PRODUCTION_CLASSES.toAbsolutePath()).isNotEmpty();
		List<String> violations = new ArrayList<>();
		for (Path classFile : classFiles) {
			violations.addAll(this.checker.violationsIn(Files.readAllBytes(classFile)));
		}
		assertThat(violations)
			.withFailMessage("SQL built at run time reaches JDBC; use a constant and bind parameters:%n%s",
					String.join(System.lineSeparator(), violations))
			.isEmpty();
	}

	@Test
	void flagsConcatenationInline() throws IOException {
		assertFlagged("byConcat", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsStringFormat() throws IOException {
		assertFlagged("byStringFormat", "JdbcClient.sql", "String.format");
	}

	@Test
	void flagsStringBuilder() throws IOException {
		assertFlagged("byStringBuilder", "JdbcClient.sql", "StringBuilder.toString");
	}

	@Test
	void flagsFormatted() throws IOException {
		assertFlagged("byFormatted", "JdbcClient.sql", "String.formatted");
	}

	@Test
	void flagsStringConcat() throws IOException {
		assertFlagged("byStringConcat", "JdbcClient.sql", "String.concat");
	}

	@Test
	void flagsStringJoin() throws IOException {
		assertFlagged("byStringJoin", "JdbcClient.sql", "String.join");
	}

	@Test
	void flagsStringReplace() throws IOException {
		assertFlagged("byStringReplace", "JdbcClient.sql", "String.replace");
	}

	@Test
	void flagsStringValueOf() throws IOException {
		assertFlagged("byStringValueOf", "JdbcClient.sql", "String.valueOf");
	}

	@Test
	void flagsConcatenationStoredInLocal() throws IOException {
		assertFlagged("byConcatInLocal", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsConcatenationOnOneBranch() throws IOException {
		assertFlagged("byConcatOnOneBranch", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsConcatenationInConditional() throws IOException {
		assertFlagged("byConditionalConcat", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsConcatenationThroughStringMethod() throws IOException {
		assertFlagged("byStrippedConcat", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsConcatenationHeldInField() throws IOException {
		assertFlagged("byConcatInField", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsConcatenationReturnedByHelper() throws IOException {
		assertFlagged("byConcatInHelper", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsConcatenationCapturedByLambda() throws IOException {
		assertFlagged("byConcatCapturedByLambda", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsConcatenationCapturedByInstanceLambda() throws IOException {
		assertFlagged("byConcatCapturedByInstanceLambda", "JdbcClient.sql", "string concatenation");
	}

	@Test
	void flagsConnectionPrepareStatement() throws IOException {
		assertFlagged("byPrepareStatement", "Connection.prepareStatement", "string concatenation");
	}

	@Test
	void flagsStatementExecuteUpdate() throws IOException {
		assertFlagged("byStatementExecuteUpdate", "Statement.executeUpdate", "string concatenation");
	}

	@Test
	void flagsJdbcTemplateUpdate() throws IOException {
		assertFlagged("byJdbcTemplateUpdate", "JdbcTemplate.update", "string concatenation");
	}

	@Test
	void flagsNamedParameterJdbcOperations() throws IOException {
		assertFlagged("byNamedParameterQuery", "NamedParameterJdbcOperations.queryForList", "string concatenation");
	}

	@Test
	void flagsConcatenatedElementOfBatchUpdate() throws IOException {
		assertFlagged("byBatchUpdateElement", "JdbcOperations.batchUpdate", "string concatenation");
	}

	@Test
	void flagsEachOffendingCallExactlyOnce() throws IOException {
		long offendingMethods = Arrays.stream(Offending.class.getDeclaredMethods())
			.filter((method) -> method.getName().startsWith("by"))
			.count();
		assertThat(violationsOf(Offending.class)).hasSize((int) offendingMethods);
	}

	@Test
	void namesClassMethodLineSinkAndProducer() throws IOException {
		assertThat(violationsOf(Offending.class)).filteredOn((violation) -> names(violation, "byConcat"))
			.singleElement()
			.asString()
			.matches("org\\.misemori\\.architecture\\.SqlIsNeverConcatenatedTest\\$Offending\\.byConcat"
					+ "\\(SqlIsNeverConcatenatedTest\\.java:\\d+\\) passes a concatenated String to JdbcClient\\.sql"
					+ " \\(built by string concatenation\\)");
	}

	@Test
	void flagsJooqCallsByOwnerName() {
		assertThat(this.checker.violationsIn(jooqCaller())).containsExactly(
				"org.misemori.architecture.JooqCaller.fetchByTable(JooqCaller.java) passes a concatenated String"
						+ " to DSLContext.fetch (built by String.concat)",
				"org.misemori.architecture.JooqCaller.conditionOn(JooqCaller.java) passes a concatenated String"
						+ " to DSL.condition (built by String.format)");
	}

	@Test
	void acceptsConstantSql() throws IOException {
		assertThat(violationsOf(Clean.class)).isEmpty();
	}

	private void assertFlagged(String method, String sink, String producer) throws IOException {
		assertThat(violationsOf(Offending.class)).filteredOn((violation) -> names(violation, method))
			.singleElement()
			.asString()
			.endsWith(" to " + sink + " (built by " + producer + ")");
	}

	/** javac names a lambda body after its enclosing method: lambda$byX$0. */
	private static boolean names(String violation, String method) {
		return violation.contains("$Offending." + method + "(")
				|| violation.contains("$Offending.lambda$" + method + "$");
	}

	private List<String> violationsOf(Class<?> fixture) throws IOException {
		String resource = "/" + fixture.getName().replace('.', '/') + ".class";
		try (InputStream classFile = getClass().getResourceAsStream(resource)) {
			assertThat(classFile).as(resource).isNotNull();
			return this.checker.violationsIn(classFile);
		}
	}

	private static List<Path> classFilesUnder(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".class")).toList();
		}
	}

	/**
	 * Bytecode calling jOOQ, which is not on the classpath and so cannot be written as Java: one
	 * concatenated call on DSLContext, one formatted call on DSL, and one constant that must pass.
	 */
	private static byte[] jooqCaller() {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_FINAL, "org/misemori/architecture/JooqCaller", null,
				"java/lang/Object", null);
		writer.visitSource("JooqCaller.java", null);
		MethodVisitor fetch = writer.visitMethod(Opcodes.ACC_STATIC, "fetchByTable",
				"(Lorg/jooq/DSLContext;Ljava/lang/String;)V", null, null);
		fetch.visitCode();
		fetch.visitVarInsn(Opcodes.ALOAD, 0);
		fetch.visitLdcInsn("SELECT * FROM ");
		fetch.visitVarInsn(Opcodes.ALOAD, 1);
		fetch.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
				"(Ljava/lang/String;)Ljava/lang/String;", false);
		fetch.visitInsn(Opcodes.ICONST_0);
		fetch.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
		fetch.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/jooq/DSLContext", "fetch",
				"(Ljava/lang/String;[Ljava/lang/Object;)Lorg/jooq/Result;", true);
		fetch.visitInsn(Opcodes.POP);
		fetch.visitInsn(Opcodes.RETURN);
		fetch.visitMaxs(0, 0);
		fetch.visitEnd();
		MethodVisitor condition = writer.visitMethod(Opcodes.ACC_STATIC, "conditionOn", "(Ljava/lang/String;)V",
				null, null);
		condition.visitCode();
		condition.visitLdcInsn("%s = 1");
		condition.visitInsn(Opcodes.ICONST_1);
		condition.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
		condition.visitInsn(Opcodes.DUP);
		condition.visitInsn(Opcodes.ICONST_0);
		condition.visitVarInsn(Opcodes.ALOAD, 0);
		condition.visitInsn(Opcodes.AASTORE);
		condition.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "format",
				"(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;", false);
		condition.visitMethodInsn(Opcodes.INVOKESTATIC, "org/jooq/impl/DSL", "condition",
				"(Ljava/lang/String;)Lorg/jooq/Condition;", false);
		condition.visitInsn(Opcodes.POP);
		condition.visitLdcInsn("active");
		condition.visitMethodInsn(Opcodes.INVOKESTATIC, "org/jooq/impl/DSL", "field",
				"(Ljava/lang/String;)Lorg/jooq/Field;", false);
		condition.visitInsn(Opcodes.POP);
		condition.visitInsn(Opcodes.RETURN);
		condition.visitMaxs(0, 0);
		condition.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

	/** Each method whose name starts with "by" hands one execution call SQL built at run time. */
	static class Offending {

		private final String selectByTable;

		Offending(String table) {
			this.selectByTable = "SELECT * FROM " + table;
		}

		void byConcat(JdbcClient jdbc, String code) {
			jdbc.sql("SELECT * FROM shop WHERE code = '" + code + "'").query().listOfRows();
		}

		void byStringFormat(JdbcClient jdbc, String table) {
			jdbc.sql(String.format("SELECT * FROM %s", table)).query().listOfRows();
		}

		void byStringBuilder(JdbcClient jdbc, String table) {
			jdbc.sql(new StringBuilder("SELECT * FROM ").append(table).toString()).query().listOfRows();
		}

		void byFormatted(JdbcClient jdbc, String table) {
			jdbc.sql("SELECT * FROM %s".formatted(table)).query().listOfRows();
		}

		void byStringConcat(JdbcClient jdbc, String table) {
			jdbc.sql("SELECT * FROM ".concat(table)).query().listOfRows();
		}

		void byStringJoin(JdbcClient jdbc, String table) {
			jdbc.sql(String.join(" ", "SELECT * FROM", table)).query().listOfRows();
		}

		void byStringReplace(JdbcClient jdbc, String table) {
			jdbc.sql("SELECT * FROM {table}".replace("{table}", table)).query().listOfRows();
		}

		void byStringValueOf(JdbcClient jdbc, Object query) {
			jdbc.sql(String.valueOf(query)).query().listOfRows();
		}

		void byConcatInLocal(JdbcClient jdbc, String code) {
			String sql = "SELECT * FROM shop WHERE code = '" + code + "'";
			jdbc.sql(sql).query().listOfRows();
		}

		void byConcatOnOneBranch(JdbcClient jdbc, boolean openOnly) {
			String sql = "SELECT * FROM shop";
			if (openOnly) {
				sql = sql + " WHERE status = 'OPEN'";
			}
			jdbc.sql(sql).query().listOfRows();
		}

		void byConditionalConcat(JdbcClient jdbc, boolean all, String code) {
			jdbc.sql(all ? "SELECT * FROM shop" : "SELECT * FROM shop WHERE code = '" + code + "'")
				.query()
				.listOfRows();
		}

		void byStrippedConcat(JdbcClient jdbc, String table) {
			jdbc.sql(("SELECT * FROM " + table).strip()).query().listOfRows();
		}

		void byConcatInField(JdbcClient jdbc) {
			jdbc.sql(this.selectByTable).query().listOfRows();
		}

		void byConcatInHelper(JdbcClient jdbc, String table) {
			jdbc.sql(selectFrom(table)).query().listOfRows();
		}

		void byConcatCapturedByLambda(JdbcClient jdbc, String code) {
			String sql = "SELECT * FROM shop WHERE code = '" + code + "'";
			Runnable query = () -> jdbc.sql(sql).query().listOfRows();
			query.run();
		}

		void byConcatCapturedByInstanceLambda(JdbcClient jdbc, String code) {
			String sql = "SELECT * FROM shop WHERE code = '" + code + "'";
			Runnable query = () -> jdbc.sql(sql).param("table", this.selectByTable).query().listOfRows();
			query.run();
		}

		void byPrepareStatement(Connection connection, String code) throws SQLException {
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT * FROM shop WHERE code = '" + code + "'")) {
				statement.executeQuery();
			}
		}

		void byStatementExecuteUpdate(Statement statement, String table) throws SQLException {
			statement.executeUpdate("DELETE FROM " + table);
		}

		void byJdbcTemplateUpdate(JdbcTemplate template, String table) {
			template.update("DELETE FROM " + table);
		}

		void byNamedParameterQuery(NamedParameterJdbcOperations template, String table) {
			template.queryForList("SELECT * FROM " + table, Map.of());
		}

		void byBatchUpdateElement(JdbcOperations template, String table) {
			template.batchUpdate("DELETE FROM audit", "DELETE FROM " + table);
		}

		private static String selectFrom(String table) {
			return "SELECT * FROM " + table;
		}

	}

	/** Constant SQL in every shape javac produces it, with run-time values only in bind parameters. */
	static class Clean {

		static final String COLUMNS = "id, code, name";

		// Built from constants only, so javac folds it into a single literal.
		static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM shop";

		private final JdbcClient jdbc;

		private final String injectedSql;

		Clean(JdbcClient jdbc, String injectedSql) {
			this.jdbc = jdbc;
			this.injectedSql = injectedSql;
		}

		void literal() {
			this.jdbc.sql("SELECT * FROM shop").query().listOfRows();
		}

		void constantConcatenation(long id) {
			this.jdbc.sql(SELECT_ALL).query().listOfRows();
			this.jdbc.sql("SELECT " + COLUMNS + " FROM shop WHERE id = :id").param("id", id).query().listOfRows();
		}

		void textBlock(String code) {
			this.jdbc.sql("""
					SELECT id, name
					FROM shop
					WHERE code = :code
					""").param("code", code).query().listOfRows();
		}

		void strippedTextBlock() {
			this.jdbc.sql("""
					SELECT id FROM shop
					""".strip()).query().listOfRows();
		}

		void localLiteral(String code) {
			String sql = "SELECT * FROM shop WHERE code = :code";
			this.jdbc.sql(sql).param("code", code).query().listOfRows();
		}

		void conditionalLiterals(boolean openOnly) {
			this.jdbc.sql(openOnly ? "SELECT * FROM shop WHERE status = 'OPEN'" : "SELECT * FROM shop")
				.query()
				.listOfRows();
		}

		void parameterWithBoundValues(String sql, String code) {
			this.jdbc.sql(sql).param("code", code).param("pattern", code + "%").query().listOfRows();
		}

		void injectedField() {
			this.jdbc.sql(this.injectedSql).query().listOfRows();
		}

		void capturedLiteral(String code) {
			String sql = "SELECT * FROM shop WHERE code = :code";
			Runnable query = () -> this.jdbc.sql(sql).param("code", code).query().listOfRows();
			query.run();
		}

		void helperReturningLiteral() {
			this.jdbc.sql(countShops()).query().singleValue();
		}

		void queryFromOtherCall(Map<String, String> queries) {
			this.jdbc.sql(queries.get("byCode")).query().listOfRows();
		}

		void preparedStatement(Connection connection, String name) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement("UPDATE shop SET name = ?")) {
				statement.setString(1, "Shop " + name);
				statement.executeUpdate();
			}
		}

		void templateWithConcatenatedBindValue(JdbcTemplate template, String name) {
			template.update("UPDATE shop SET name = ?", "Shop " + name);
		}

		void batchOfLiterals(JdbcOperations template) {
			template.batchUpdate("DELETE FROM audit", "DELETE FROM shop");
		}

		private static String countShops() {
			return "SELECT count(*) FROM shop";
		}

	}

}
