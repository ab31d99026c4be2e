package org.misemori.vault.internal;

import java.util.Optional;

import org.misemori.platform.ShopId;
import org.misemori.vault.KeyRotationProgress;
import org.misemori.vault.KeyRotations;

import org.springframework.stereotype.Component;

/** Starts a rotation and sets this node to work on it at once, in the background. */
@Component
class VaultKeyRotations implements KeyRotations {

	private final KeyRotationStart start;

	private final KeyRotationWorker worker;

	VaultKeyRotations(KeyRotationStart start, KeyRotationWorker worker) {
		this.start = start;
		this.worker = worker;
	}

	@Override
	public KeyRotationProgress start(ShopId shop, String requestedBy) {
		KeyRotationProgress started = start.start(shop, requestedBy);
		worker.kick();
		return started;
	}

	@Override
	public Optional<KeyRotationProgress> latest(ShopId shop) {
		return start.latest(shop);
	}

}
