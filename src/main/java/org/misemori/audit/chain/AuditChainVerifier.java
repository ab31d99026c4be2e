package org.misemori.audit.chain;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.misemori.audit.chain.ChainReport.BrokenLink;
import org.misemori.audit.chain.ChainReport.Problem;
import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the whole chain in order and stops at the first broken link. Reads as the cross-shop
 * role (the runtime role cannot read the audit log), page by page so a long log never sits in
 * memory at once.
 */
@Component
class AuditChainVerifier {

	private static final int PAGE = 5000;

	/** The sealer runs every second; an entry unchained for a minute means it was stopped. */
	private static final Duration SEALING_GRACE = Duration.ofMinutes(1);

	private final CrossShopAccess crossShop;

	private final Clock clock;

	AuditChainVerifier(CrossShopAccess crossShop, Clock clock) {
		this.crossShop = crossShop;
		this.clock = clock;
	}

	ChainReport verify() {
		return crossShop.call(CrossShopPurpose.AUDIT_VERIFICATION, "verify the audit hash chain", this::walk);
	}

	private ChainReport walk(JdbcClient jdbc) {
		byte[] previousHash = ChainedEntry.GENESIS;
		long expectedSeq = 1;
		List<ChainedEntry> page;
		do {
			page = page(jdbc, expectedSeq - 1);
			for (ChainedEntry entry : page) {
				Optional<BrokenLink> broken = check(entry, expectedSeq, previousHash);
				if (broken.isPresent()) {
					return new ChainReport(expectedSeq - 1, staleUnsealed(jdbc), broken);
				}
				previousHash = entry.entryHash();
				expectedSeq++;
			}
		}
		while (page.size() == PAGE);
		return new ChainReport(expectedSeq - 1, staleUnsealed(jdbc), Optional.empty());
	}

	private static Optional<BrokenLink> check(ChainedEntry entry, long expectedSeq, byte[] previousHash) {
		if (entry.chainSeq() != expectedSeq) {
			return Optional.of(new BrokenLink(expectedSeq, 0, Problem.ENTRY_MISSING));
		}
		if (!MessageDigest.isEqual(entry.prevHash(), previousHash)) {
			return Optional.of(new BrokenLink(expectedSeq, entry.id(), Problem.LINK_BROKEN));
		}
		if (!MessageDigest.isEqual(entry.entryHash(), entry.expectedHash())) {
			return Optional.of(new BrokenLink(expectedSeq, entry.id(), Problem.CONTENT_CHANGED));
		}
		return Optional.empty();
	}

	private static List<ChainedEntry> page(JdbcClient jdbc, long afterSeq) {
		return jdbc.sql("""
				SELECT id, chain_seq, occurred_at, type_code, type, outcome, actor, shop_id, client_address, detail,
				       prev_hash, entry_hash
				  FROM audit.audit_event
				 WHERE chain_seq > :after
				 ORDER BY chain_seq
				 LIMIT :page""")
			.param("after", afterSeq)
			.param("page", PAGE)
			.query((rs, row) -> new ChainedEntry(rs.getLong("id"), rs.getLong("chain_seq"),
					rs.getObject("occurred_at", OffsetDateTime.class), rs.getInt("type_code"), rs.getString("type"),
					rs.getString("outcome"), rs.getString("actor"), rs.getObject("shop_id", Long.class),
					rs.getString("client_address"), rs.getString("detail"), rs.getBytes("prev_hash"),
					rs.getBytes("entry_hash")))
			.list();
	}

	private long staleUnsealed(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE chain_seq IS NULL AND occurred_at < :before")
			.param("before", OffsetDateTime.now(clock).minus(SEALING_GRACE))
			.query(Long.class)
			.single();
	}

}
