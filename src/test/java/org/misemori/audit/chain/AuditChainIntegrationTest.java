package org.misemori.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.audit.chain.ChainReport.Problem;
import org.misemori.identity.OperatorFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The audit log's hash chain against the attacker who owns the database: a superuser who
 * switches the append-only triggers off and edits or removes one entry is found out, at that
 * entry. The log is shared with every other test, so each tampering is undone before the test
 * ends.
 */
@MisemoriIntegrationTest
class AuditChainIntegrationTest {

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	AuditChainSealer sealer;

	@Autowired
	Environment environment;

	@Autowired
	MockMvc mvc;

	@Test
	void entriesFromAnyWriterAreChainedAndTheChainVerifies() throws Exception {
		String marker = marker();
		insertAsRuntimeRole(marker, 20);
		try (Connection app = Databases.asRuntimeRole(environment);
				PreparedStatement forged = app.prepareStatement("""
						INSERT INTO audit.audit_event (type_code, type, outcome, actor, detail, chain_seq, prev_hash, entry_hash)
						VALUES (999, 'FORGED', 'SUCCESS', 'attacker', ?, 1, ?, ?)""")) {
			forged.setString(1, marker);
			forged.setBytes(2, new byte[32]);
			forged.setBytes(3, new byte[32]);
			forged.executeUpdate();
		}
		sealer.sealPending();

		ChainReport report = verifier.verify();
		assertThat(report.firstBroken()).isEmpty();
		assertThat(report.intact()).isTrue();
		assertThat(chainSeqsOf(marker)).hasSize(21).doesNotContain(1L).isSorted();
	}

	@Test
	void anEntryChangedBySuperuserIsFoundAtItsPlaceInTheChain() throws Exception {
		String marker = marker();
		insertAsRuntimeRole(marker, 5);
		sealer.sealPending();
		long target = chainSeqsOf(marker).get(2);
		try (Connection root = tamperingSuperuser()) {
			execute(root, "UPDATE audit.audit_event SET actor = 'someone-else' WHERE chain_seq = " + target);
			try {
				ChainReport report = verifier.verify();
				assertThat(report.intact()).isFalse();
				assertThat(report.firstBroken()).hasValueSatisfying(broken -> {
					assertThat(broken.chainSeq()).isEqualTo(target);
					assertThat(broken.problem()).isEqualTo(Problem.CONTENT_CHANGED);
				});
				assertThat(report.checked()).isEqualTo(target - 1);
			}
			finally {
				execute(root, "UPDATE audit.audit_event SET actor = 'test' WHERE chain_seq = " + target);
			}
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void anEntryRemovedBySuperuserIsFoundAtItsPlaceInTheChain() throws Exception {
		String marker = marker();
		insertAsRuntimeRole(marker, 5);
		sealer.sealPending();
		long target = chainSeqsOf(marker).get(1);
		try (Connection root = tamperingSuperuser()) {
			execute(root, "CREATE TEMP TABLE removed AS SELECT * FROM audit.audit_event WHERE chain_seq = " + target);
			execute(root, "DELETE FROM audit.audit_event WHERE chain_seq = " + target);
			try {
				assertThat(verifier.verify().firstBroken()).hasValueSatisfying(broken -> {
					assertThat(broken.chainSeq()).isEqualTo(target);
					assertThat(broken.problem()).isEqualTo(Problem.ENTRY_MISSING);
				});
			}
			finally {
				execute(root, "INSERT INTO audit.audit_event OVERRIDING SYSTEM VALUE SELECT * FROM removed");
			}
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void noApplicationRoleCanReadChangeOrRemoveAnEntry() throws Exception {
		String marker = marker();
		insertAsRuntimeRole(marker, 1);
		sealer.sealPending();
		try (Connection app = Databases.asRuntimeRole(environment)) {
			assertThatThrownBy(() -> execute(app, "SELECT * FROM audit.audit_event")).hasMessageContaining("permission denied");
			assertThatThrownBy(() -> execute(app, "UPDATE audit.audit_event SET detail = 'x'")).hasMessageContaining("permission denied");
			assertThatThrownBy(() -> execute(app, "DELETE FROM audit.audit_event")).hasMessageContaining("permission denied");
		}
		try (Connection owner = Databases.asOwner(environment)) {
			assertThatThrownBy(() -> execute(owner, "UPDATE audit.audit_event SET detail = 'x' WHERE detail = '" + marker + "'"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> execute(owner, "UPDATE audit.audit_event SET chain_seq = chain_seq WHERE detail = '" + marker + "'"))
				.as("a sealed entry cannot be sealed again").hasMessageContaining("append-only");
			assertThatThrownBy(() -> execute(owner, "DELETE FROM audit.audit_event WHERE detail = '" + marker + "'"))
				.hasMessageContaining("append-only");
		}
	}

	@Test
	void concurrentWritersAllEndUpInOneUnbrokenChain() throws Exception {
		String marker = marker();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				done.add(writers.submit(() -> {
					insertAsRuntimeRole(marker, 50);
					sealer.sealPending();
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			writers.shutdown();
		}
		sealer.sealPending();
		assertThat(chainSeqsOf(marker)).hasSize(200).doesNotHaveDuplicates();
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void operatorConsoleVerifiesOnDemand() throws Exception {
		sealer.sealPending();
		mvc.perform(post("/operator/audit/verify").with(OperatorFixtures.signedInOperator("ops.audit")).with(csrf()))
			.andExpect(content().string(containsString("鎖は壊れていません")));
	}

	private static String marker() {
		return "chain-test-" + UUID.randomUUID();
	}

	private void insertAsRuntimeRole(String marker, int count) throws SQLException {
		try (Connection app = Databases.asRuntimeRole(environment);
				PreparedStatement insert = app.prepareStatement("""
						INSERT INTO audit.audit_event (type_code, type, outcome, actor, client_address, detail)
						VALUES (999, 'CHAIN_TEST', 'SUCCESS', 'test', '192.0.2.7', ?)""")) {
			for (int i = 0; i < count; i++) {
				insert.setString(1, marker);
				insert.executeUpdate();
			}
		}
	}

	private List<Long> chainSeqsOf(String marker) throws SQLException {
		List<Long> seqs = new ArrayList<>();
		try (Connection operator = Databases.asCrossShopRole(environment);
				PreparedStatement query = operator
					.prepareStatement("SELECT chain_seq FROM audit.audit_event WHERE detail = ? ORDER BY id")) {
			query.setString(1, marker);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					seqs.add(rows.getLong(1));
				}
			}
		}
		return seqs;
	}

	/** A superuser session with every trigger off, as an attacker with full control would have it. */
	private Connection tamperingSuperuser() throws SQLException {
		Connection root = Databases.asSuperuser(environment);
		execute(root, "SET session_replication_role = replica");
		return root;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
