package org.misemori.vault.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.google.crypto.tink.KeysetHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestClock;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.FieldRef;
import org.misemori.vault.KeyEncryptionKey;
import org.misemori.vault.KeyRotationProgress;
import org.misemori.vault.KeyRotationProgress.Status;
import org.misemori.vault.PersonalDataReader;
import org.misemori.vault.SealedFieldMismatchException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MisemoriIntegrationTest
class KeyRotationIntegrationTest {

	private static final int MEMBERS = 100_000;

	private static final int READERS = 2;

	@Autowired
	TinkShopVault vault;

	@Autowired
	ShopKeysets keysets;

	@Autowired
	KeyRotationStart rotations;

	@Autowired
	KeyRotationWorker worker;

	@Autowired
	ResealingBatches batches;

	@Autowired
	PersonalDataReader reader;

	@Autowired
	ShopAdministration administration;

	@Autowired
	KeyEncryptionKey kek;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestClock clock;

	@Autowired
	Environment environment;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aShopOf100000MembersIsRotatedWhileItsMembersAreReadAndTheOldKeyIsGoneAfterwards() throws Exception {
		ShopId shop = ShopFixtures.kissaShop(administration).id();
		long inserting = System.nanoTime();
		long[] ids = SealedMemberRows.insert(vault, environment, shop, MEMBERS);
		System.out.printf("Key rotation test: %,d sealed members inserted in %.1f s%n", MEMBERS, seconds(inserting));
		FieldRef elsewhere = FieldRef.of("test.rotation", "note", 1);
		byte[] underOldKey = vault.encrypt(shop, elsewhere, "古い鍵で封じた値");
		int oldKeyId = TinkPrefix.keyIdOf(underOldKey);

		KeyRotationProgress started = rotations.start(shop, "operator-test");
		assertThat(started.status()).isEqualTo(Status.RUNNING);
		assertThat(started.rowsTotalAtStart()).isEqualTo(MEMBERS);
		assertThat(started.newKeyId()).isNotEqualTo(oldKeyId);

		Readers readers = new Readers(shop, ids);
		readers.start();
		long rotating = System.nanoTime();
		worker.workUnfinished();
		KeyRotationProgress resealed = awaitStatusOtherThan(shop, Status.RUNNING);
		double wallSeconds = seconds(rotating);
		readers.stop();

		assertThat(readers.failures).as("reads that failed during the rotation").isEmpty();
		assertThat(readers.reads.get()).as("reads during the rotation").isGreaterThan(100);
		// Waits for every node's cached keys to expire, unless the work itself took longer.
		assertThat(resealed.status()).isIn(Status.FINISHING, Status.DONE);
		assertThat(resealed.rowsResealed()).isEqualTo(MEMBERS);
		System.out.printf("Key rotation test: %,d members (11 sealed fields each) re-encrypted in %.1f s wall time,"
				+ " %.0f rows/s wall, %.0f rows/s of batch work; %,d concurrent reads by %d threads, none failed%n",
				resealed.rowsResealed(), wallSeconds, resealed.rowsResealed() / wallSeconds, resealed.rowsPerSecond(),
				readers.reads.get(), READERS);

		clock.advance(KeyRotationWorker.SETTLING.plusSeconds(1));
		worker.workUnfinished();

		KeyRotationProgress done = rotations.latest(shop).orElseThrow();
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(done.finishedAt()).isNotNull();
		assertThat(rowsWithKey(shop, oldKeyId)).as("values still under the old key").isZero();
		assertThat(batches.remaining(shop, TinkPrefix.of(done.newKeyId()))).isZero();
		KeysetHandle keyset = keysets.unwrapFields(shop, keysets.storedFields(shop));
		assertThat(keyset.size()).as("keys left in the keyset").isEqualTo(1);
		assertThat(keyset.getPrimary().getId()).isEqualTo(done.newKeyId());
		assertThatThrownBy(() -> vault.decrypt(shop, elsewhere, underOldKey)).as("the old key is destroyed")
			.isInstanceOf(SealedFieldMismatchException.class);
		Readers after = new Readers(shop, ids);
		for (int i = 0; i < 200; i++) {
			after.readOne();
		}
		assertThat(after.failures).isEmpty();
	}

	@Test
	void aRotationCutShortByACrashIsFinishedByTheNextRunAndCatchesWhatAStaleNodeSealedMeanwhile() throws Exception {
		ShopId shop = ShopFixtures.zakkaShop(administration).id();
		long[] ids = SealedMemberRows.insert(vault, environment, shop, 2_500);
		ShopKeysets staleNode = new ShopKeysets(kek, jdbc, transactions, clock);
		byte[] cachedBeforeRotation = staleNode.fields(shop).encrypt(new byte[] { 1 }, new byte[0]);
		int oldKeyId = TinkPrefix.keyIdOf(cachedBeforeRotation);
		KeyRotationProgress started = rotations.start(shop, "operator-test");

		assertThat(worker.advanceOne(1)).as("one batch, then the node crashes").isTrue();
		KeyRotationProgress cut = rotations.latest(shop).orElseThrow();
		assertThat(cut.status()).isEqualTo(Status.RUNNING);
		assertThat(cut.rowsResealed()).isEqualTo(1_000);
		assertThat(batches.remaining(shop, TinkPrefix.of(started.newKeyId()))).isEqualTo(1_500);

		// Another node that read the keys before the rotation still seals under the old key
		// (for up to a minute), here a member of the batch already done changing their address.
		long first = ids[0];
		FieldRef address = FieldRef.of(SealedMemberRows.TABLE, "address", first);
		byte[] stale = staleNode.fields(shop).encrypt("大阪府大阪市北区1-1".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				TinkShopVault.associatedData(shop, address));
		assertThat(TinkPrefix.keyIdOf(stale)).isEqualTo(oldKeyId);
		setAddress(shop, first, stale);

		worker.workUnfinished();
		assertThat(rotations.latest(shop).orElseThrow().rowsResealed()).as("the crashed worker's claim holds for a while")
			.isEqualTo(1_000);

		clock.advance(ResealingBatches.LEASE.plusSeconds(1));
		worker.workUnfinished();

		KeyRotationProgress done = rotations.latest(shop).orElseThrow();
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(rowsWithKey(shop, oldKeyId)).isZero();
		assertThat(readField(shop, first, "address")).isEqualTo("大阪府大阪市北区1-1");
		assertThat(readField(shop, ids[2_499], "email")).isEqualTo(SealedMemberRows.valueOf("email", ids[2_499]));
	}

	@Test
	void aRotationWhoseKeysChangedButNoRowWasDoneIsCompletedByAFreshRun() throws Exception {
		ShopId shop = ShopFixtures.kissaShop(administration).id();
		long[] ids = SealedMemberRows.insert(vault, environment, shop, 300);
		KeyRotationProgress started = rotations.start(shop, "operator-test");
		// The node stopped here: the new key is primary and recorded, nothing re-encrypted yet.
		assertThat(batches.remaining(shop, TinkPrefix.of(started.newKeyId()))).isEqualTo(300);

		clock.advance(KeyRotationWorker.SETTLING.plusSeconds(1));
		worker.workUnfinished();

		KeyRotationProgress done = rotations.latest(shop).orElseThrow();
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(done.rowsResealed()).isEqualTo(300);
		assertThat(readField(shop, ids[150], "name")).isEqualTo(SealedMemberRows.valueOf("name", ids[150]));
	}

	@Test
	void aNodeWhoseCachedKeysPredateARotationReloadsThemOnceForAValueUnderTheNewKey() throws Exception {
		ShopId shop = ShopFixtures.zakkaShop(administration).id();
		FieldRef field = FieldRef.of("test.rotation", "note", 2);
		ShopKeysets otherNode = new ShopKeysets(kek, jdbc, transactions, clock);
		otherNode.fields(shop);
		rotations.start(shop, "operator-test");
		byte[] underNewKey = vault.encrypt(shop, field, "新しい鍵");
		byte[] place = TinkShopVault.associatedData(shop, field);

		assertThatThrownBy(() -> otherNode.fields(shop).decrypt(underNewKey, place))
			.as("the cached keyset alone does not have the new key").isInstanceOf(java.security.GeneralSecurityException.class);
		assertThat(new String(otherNode.fieldsFor(shop, underNewKey).decrypt(underNewKey, place),
				java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("新しい鍵");
	}

	private KeyRotationProgress awaitStatusOtherThan(ShopId shop, Status status) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		KeyRotationProgress progress = rotations.latest(shop).orElseThrow();
		while (progress.status() == status && System.nanoTime() < deadline) {
			Thread.sleep(200);
			worker.workUnfinished();
			progress = rotations.latest(shop).orElseThrow();
		}
		return progress;
	}

	private String readField(ShopId shop, long id, String field) {
		return TenantContext.callAs(shop, () -> transactions.execute(status -> {
			byte[] sealed = jdbc.sql("SELECT * FROM identity.member_account WHERE shop_id = :shop AND id = :id")
				.param("shop", shop.value())
				.param("id", id)
				.query((row, n) -> row.getBytes(field + "_sealed"))
				.list()
				.get(0);
			try (var reading = reader.openAs("rotation-test", shop, "MEMBER", "key rotation test")) {
				return reading.field(FieldRef.of(SealedMemberRows.TABLE, field, id), sealed);
			}
		}));
	}

	private void setAddress(ShopId shop, long id, byte[] sealed) {
		TenantContext.runAs(shop, () -> transactions.executeWithoutResult(status -> jdbc
			.sql("UPDATE identity.member_account SET address_sealed = :sealed WHERE shop_id = :shop AND id = :id")
			.param("sealed", sealed)
			.param("shop", shop.value())
			.param("id", id)
			.update()));
	}

	/** Values of the shop sealed under {@code keyId}, in any sealed column, counted by the superuser. */
	private long rowsWithKey(ShopId shop, int keyId) throws Exception {
		try (Connection superuser = Databases.asSuperuser(environment);
				PreparedStatement query = superuser.prepareStatement("""
						SELECT count(*) FROM identity.member_account m,
						  LATERAL (VALUES (email_sealed), (name_sealed), (kana_sealed), (birth_date_sealed), (gender_sealed),
						    (phone_sealed), (postal_code_sealed), (prefecture_sealed), (address_sealed), (building_sealed),
						    (occupation_sealed)) AS v(sealed)
						WHERE m.shop_id = ? AND substring(v.sealed from 1 for 5) = ?""")) {
			query.setLong(1, shop.value());
			query.setBytes(2, TinkPrefix.of(keyId));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static double seconds(long sinceNanos) {
		return (System.nanoTime() - sinceNanos) / 1e9;
	}

	/** Threads reading random members' fields as a shop's screens would, each read checked. */
	private final class Readers {

		private final ShopId shop;

		private final long[] ids;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong reads = new AtomicLong();

		private final Queue<String> failures = new ConcurrentLinkedQueue<>();

		private final List<Thread> threads = new ArrayList<>();

		private Readers(ShopId shop, long[] ids) {
			this.shop = shop;
			this.ids = ids;
		}

		void start() {
			for (int i = 0; i < READERS; i++) {
				Thread thread = new Thread(() -> {
					while (running.get()) {
						readOne();
						// A busy shop's screens, not a flood: on 2 cores a flood would take half the machine.
						LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
					}
				}, "rotation-reader-" + i);
				threads.add(thread);
				thread.start();
			}
		}

		void stop() throws InterruptedException {
			running.set(false);
			for (Thread thread : threads) {
				thread.join();
			}
		}

		void readOne() {
			long id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
			String field = SealedMemberRows.FIELDS.get(ThreadLocalRandom.current().nextInt(SealedMemberRows.FIELDS.size()));
			try {
				String value = readField(shop, id, field);
				if (!java.util.Objects.equals(value, SealedMemberRows.valueOf(field, id))) {
					failures.add(field + " of " + id + " read as " + value);
				}
				reads.incrementAndGet();
			}
			catch (RuntimeException ex) {
				failures.add(field + " of " + id + ": " + ex);
			}
		}

	}

}
