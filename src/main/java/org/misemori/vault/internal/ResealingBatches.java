package org.misemori.vault.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.vault.KeyRotationProgress;
import org.misemori.vault.SealedRows;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts a shop's rows batch by batch, each batch with its progress in one transaction as
 * the shop (runtime role, row-level security): short transactions that lock only the rows they
 * change, so the shop's own requests keep running beside them. A crash loses at most the batch
 * in flight; what is left is found again by its prefix.
 */
@Component
class ResealingBatches {

	static final Duration LEASE = Duration.ofMinutes(2);

	/** Rows skipped as locked by a request are tried again after a pause, this many times in a row at most. */
	private static final int TRIES_WHILE_LOCKED = 50;

	private final List<SealedRows> sealedRows;

	private final KeyRotationRows rotations;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int batchSize;

	ResealingBatches(List<SealedRows> sealedRows, KeyRotationRows rotations, TransactionTemplate transactions, Clock clock,
			@Value("${misemori.key-rotation.batch-size:1000}") int batchSize) {
		this.sealedRows = List.copyOf(sealedRows);
		this.rotations = rotations;
		this.transactions = transactions;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	/** Rows of the shop with a value not under the key of {@code prefix}, in all modules. */
	long remaining(ShopId shop, byte[] prefix) {
		return TenantContext.callAs(shop, () -> transactions.execute(status -> sealedRows.stream()
			.mapToLong(rows -> rows.remaining(shop, prefix))
			.sum()));
	}

	/**
	 * Batches until no row is left, or {@code maxBatches} were done, or {@code stop} says so.
	 * @return whether no row is left
	 */
	boolean resealAll(KeyRotationProgress rotation, KeysetResealer resealer, int maxBatches, BooleanSupplier stop) {
		int lockedTries = 0;
		for (int batch = 0; batch < maxBatches && !stop.getAsBoolean(); batch++) {
			if (batch(rotation, resealer) == batchSize) {
				continue;
			}
			if (remaining(rotation.shop(), resealer.primaryPrefix()) == 0) {
				return true;
			}
			if (++lockedTries > TRIES_WHILE_LOCKED) {
				return false;
			}
			pause();
		}
		return false;
	}

	private int batch(KeyRotationProgress rotation, KeysetResealer resealer) {
		ShopId shop = rotation.shop();
		return TenantContext.callAs(shop, () -> transactions.execute(status -> {
			long started = System.nanoTime();
			int done = 0;
			for (SealedRows rows : sealedRows) {
				if (done < batchSize) {
					done += rows.resealBatch(shop, resealer.primaryPrefix(), batchSize - done, resealer);
				}
			}
			rotations.progress(shop, rotation.id(), done, Duration.ofNanos(System.nanoTime() - started).toMillis(),
					clock.instant().plus(LEASE));
			return done;
		}));
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
