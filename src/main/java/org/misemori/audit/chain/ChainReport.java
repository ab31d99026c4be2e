package org.misemori.audit.chain;

import java.util.Optional;

/**
 * What a verification found: how many chained entries it checked, how many entries have waited
 * unchained for longer than they should, and the first broken link, if any. Public only because
 * the operator page's template reads it (SpEL calls public members only); the package is internal.
 */
public record ChainReport(long checked, long staleUnsealed, Optional<BrokenLink> firstBroken) {

	public boolean intact() {
		return firstBroken.isEmpty() && staleUnsealed == 0;
	}

	/**
	 * @param chainSeq where in the chain the break is
	 * @param id the row found there (0 when the expected row is missing)
	 */
	public record BrokenLink(long chainSeq, long id, Problem problem) {

	}

	public enum Problem {

		/** The row's fields no longer give its hash: changed after it was chained. */
		CONTENT_CHANGED,
		/** The row does not carry the hash of the row before it: rows removed, inserted or reordered. */
		LINK_BROKEN,
		/** A chain position is empty: a row was removed. */
		ENTRY_MISSING

	}

}
