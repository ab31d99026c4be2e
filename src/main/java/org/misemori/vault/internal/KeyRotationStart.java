package org.misemori.vault.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import com.google.crypto.tink.KeysetHandle;

import org.misemori.platform.CrossShopAccess;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.vault.KeyRotationProgress;
import org.misemori.vault.KeyRotationStarted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first step of a rotation: a new key becomes the primary of the shop's field keyset, with
 * the old keys kept, and the rotation is recorded, in one transaction. From then on everything
 * this node seals is under the new key, every other node's within {@link ShopKeysets#CACHED_FOR},
 * and {@link KeyRotationWorker} re-encrypts what was sealed before.
 */
@Component
class KeyRotationStart {

	private final ShopKeysets keysets;

	private final KeyRotationRows rotations;

	private final ResealingBatches batches;

	private final CrossShopAccess crossShop;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	KeyRotationStart(ShopKeysets keysets, KeyRotationRows rotations, ResealingBatches batches,
			CrossShopAccess crossShop, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.keysets = keysets;
		this.rotations = rotations;
		this.batches = batches;
		this.crossShop = crossShop;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Starts a rotation, or returns the one already under way. */
	KeyRotationProgress start(ShopId shop, String requestedBy) {
		Optional<KeyRotationProgress> underWay = latest(shop).filter(rotation -> !rotation.done());
		if (underWay.isPresent()) {
			return underWay.get();
		}
		byte[] before = keysets.storedFields(shop);
		KeysetHandle rotated = RotatedKeysets.withNewPrimary(keysets.unwrapFields(shop, before));
		int newKeyId = rotated.getPrimary().getId();
		long rows = batches.remaining(shop, TinkPrefix.of(newKeyId));
		Instant now = clock.instant();
		long id = crossShop.call(CrossShopPurpose.KEY_ROTATION, "rotate the field keys of shop " + shop.value(), jdbc -> {
			if (!Arrays.equals(FieldKeysetRow.lock(jdbc, shop), before)) {
				throw new IllegalStateException("The keys of shop " + shop.value() + " changed meanwhile; start again");
			}
			FieldKeysetRow.replace(jdbc, shop, keysets.wrapFields(shop, rotated), keysets.kekId(), now);
			return rotations.insert(jdbc, shop, requestedBy, now, newKeyId, rows);
		});
		keysets.evict(shop);
		events.publishEvent(new KeyRotationStarted(shop, id, requestedBy, newKeyId, rows));
		return latest(shop).orElseThrow();
	}

	Optional<KeyRotationProgress> latest(ShopId shop) {
		return TenantContext.callAs(shop, () -> transactions.execute(status -> rotations.latest(shop)));
	}

}
