package org.misemori.vault;

import java.time.Instant;

import org.misemori.platform.ShopId;

/**
 * Where a rotation stands. {@code RUNNING}: rows are being re-encrypted; {@code FINISHING}: all
 * were, and the old keys wait for every node's cached keyset to expire before a last sweep and
 * their removal; {@code DONE}: the old keys are gone.
 */
public record KeyRotationProgress(long id, ShopId shop, String requestedBy, Status status, Instant startedAt,
		int newKeyId, long rowsTotalAtStart, long rowsResealed, long workMillis, Instant finishedAt) {

	public enum Status {

		RUNNING, FINISHING, DONE

	}

	/** Rows re-encrypted per second of work (0 before the first batch). */
	public double rowsPerSecond() {
		return workMillis == 0 ? 0 : rowsResealed * 1000.0 / workMillis;
	}

	/** Whole percent done; rows written by others during the rotation may take it past 100 until the end. */
	public int percentDone() {
		return rowsTotalAtStart == 0 ? 100 : (int) Math.min(100, rowsResealed * 100 / rowsTotalAtStart);
	}

	public boolean done() {
		return status == Status.DONE;
	}

}
