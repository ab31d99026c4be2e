package org.misemori.vault.internal;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.ShopId;
import org.misemori.vault.KeyRotationFinished;
import org.misemori.vault.KeyRotationProgress;
import org.misemori.vault.KeyRotationProgress.Status;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves unfinished rotations on, on any node: claims one (FOR UPDATE SKIP LOCKED, with a lease
 * that a crashed worker's claim outlives by two minutes at most), re-encrypts its rows, and
 * once every node's cached keyset has expired ({@link #SETTLING} after the new key became
 * primary, so no node still seals under an old key) sweeps once more and removes the old keys.
 * Each step is re-done safely after a crash: what is left is always read from the rows.
 */
@Component
class KeyRotationWorker {

	/** How long after a rotation starts no node can still be sealing under an old key. */
	static final Duration SETTLING = ShopKeysets.CACHED_FOR.plusSeconds(30);

	private static final Log log = LogFactory.getLog(KeyRotationWorker.class);

	private final ShopKeysets keysets;

	private final KeyRotationRows rotations;

	private final ResealingBatches batches;

	private final CrossShopAccess crossShop;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReentrantLock working = new ReentrantLock();

	private final AtomicBoolean stopped = new AtomicBoolean();

	KeyRotationWorker(ShopKeysets keysets, KeyRotationRows rotations, ResealingBatches batches,
			CrossShopAccess crossShop, ApplicationEventPublisher events, Clock clock) {
		this.keysets = keysets;
		this.rotations = rotations;
		this.batches = batches;
		this.crossShop = crossShop;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Finds rotations left unfinished (by a crash, by another node, or waiting to settle). A
	 * rotation started on this node is worked at once ({@link #kick()}); this is the fallback.
	 */
	@Scheduled(fixedDelayString = "${misemori.key-rotation.interval:PT1M}", initialDelayString = "${misemori.key-rotation.interval:PT1M}")
	void workUnfinished() {
		if (!working.tryLock()) {
			return;
		}
		try {
			while (!stopped.get() && advanceOne(Integer.MAX_VALUE)) {
				// Next one.
			}
		}
		catch (RuntimeException ex) {
			// The claim lapses and the next run tries again; the cause is for the operator to see.
			log.error("Key rotation stopped: " + ex.getMessage(), ex);
		}
		finally {
			working.unlock();
		}
	}

	/** Works in the background now, rather than at the next scheduled run. */
	void kick() {
		Thread worker = new Thread(this::workUnfinished, "key-rotation");
		worker.setDaemon(true);
		worker.start();
	}

	/**
	 * Claims one rotation that can move on now and moves it on by at most {@code maxBatches}
	 * batches. Stopping short leaves it claimed, as a crash would, until its lease lapses.
	 * @return whether there was one
	 */
	boolean advanceOne(int maxBatches) {
		Instant now = clock.instant();
		Optional<KeyRotationProgress> claimed = crossShop.call(CrossShopPurpose.KEY_ROTATION,
				"claim an unfinished key rotation",
				jdbc -> rotations.claim(jdbc, now, now.plus(ResealingBatches.LEASE), now.minus(SETTLING)));
		claimed.ifPresent(rotation -> advance(rotation, maxBatches));
		return claimed.isPresent();
	}

	private void advance(KeyRotationProgress rotation, int maxBatches) {
		KeysetResealer resealer = resealerFor(rotation);
		if (!batches.resealAll(rotation, resealer, maxBatches, stopped::get)) {
			return;
		}
		if (rotation.status() == Status.RUNNING) {
			crossShop.call(CrossShopPurpose.KEY_ROTATION, "key rotation of shop " + rotation.shop().value()
					+ ": every row re-encrypted", jdbc -> {
						rotations.finishing(jdbc, rotation.shop(), rotation.id());
						return null;
					});
			if (rotation.startedAt().isAfter(clock.instant().minus(SETTLING))) {
				return;
			}
		}
		// The last sweep starts only now, after every node has let go of the old keys: a value
		// a node sealed under an old key within its cache's last minute is caught here.
		if (batches.resealAll(rotation, resealer, Integer.MAX_VALUE, stopped::get)) {
			removeOldKeys(rotation);
		}
	}

	/** The keyset as stored, whose primary must be this rotation's key; never this node's cache. */
	private KeysetResealer resealerFor(KeyRotationProgress rotation) {
		KeysetHandle keyset = keysets.unwrapFields(rotation.shop(), keysets.storedFields(rotation.shop()));
		checkPrimary(rotation, keyset);
		try {
			return new KeysetResealer(rotation.shop(), keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
					TinkPrefix.of(rotation.newKeyId()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The keyset of shop " + rotation.shop().value() + " has no usable AEAD", ex);
		}
	}

	private void removeOldKeys(KeyRotationProgress rotation) {
		ShopId shop = rotation.shop();
		Instant now = clock.instant();
		int[] removed = new int[1];
		KeyRotationProgress done = crossShop.call(CrossShopPurpose.KEY_ROTATION,
				"key rotation of shop " + shop.value() + ": remove the old keys", jdbc -> {
					KeysetHandle current = keysets.unwrapFields(shop, FieldKeysetRow.lock(jdbc, shop));
					checkPrimary(rotation, current);
					KeysetHandle primaryOnly = RotatedKeysets.primaryOnly(current);
					removed[0] = current.size() - primaryOnly.size();
					FieldKeysetRow.replace(jdbc, shop, keysets.wrapFields(shop, primaryOnly), keysets.kekId(), now);
					return rotations.done(jdbc, shop, rotation.id(), now, removed[0]);
				});
		keysets.evict(shop);
		events.publishEvent(new KeyRotationFinished(shop, done.id(), done.rowsResealed(), done.workMillis(),
				done.rowsPerSecond(), removed[0]));
	}

	private static void checkPrimary(KeyRotationProgress rotation, KeysetHandle keyset) {
		if (keyset.getPrimary().getId() != rotation.newKeyId()) {
			throw new IllegalStateException("The primary key of shop " + rotation.shop().value()
					+ " is not the one rotation " + rotation.id() + " made");
		}
	}

	/** Stops first thing when the application closes (the embedded database stops on this event too). */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void stop() {
		stopped.set(true);
		working.lock();
		working.unlock();
	}

}
