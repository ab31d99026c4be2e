package org.misemori.vault.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.vault.KeyRotationProgress;
import org.misemori.vault.KeyRotationProgress.Status;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar misemori.jar --rotate-shop-keys=<shop code>}: rotates the shop's field keys,
 * printing progress, and exits 0 once the old keys are removed (1 when the rotation stopped,
 * 2 for an unknown shop). Shops keep serving from running instances meanwhile; stopping this
 * command halfway is safe, the running instances' scheduled job finishes the rotation.
 */
@Component
class KeyRotationCommand implements ApplicationRunner {

	static final String OPTION = "rotate-shop-keys";

	private static final Duration PRINT_EVERY = Duration.ofSeconds(2);

	private final ShopDirectory shops;

	private final KeyRotationStart start;

	private final KeyRotationWorker worker;

	private final ConfigurableApplicationContext context;

	private final Clock clock;

	KeyRotationCommand(ShopDirectory shops, KeyRotationStart start, KeyRotationWorker worker,
			ConfigurableApplicationContext context, Clock clock) {
		this.shops = shops;
		this.start = start;
		this.worker = worker;
		this.context = context;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (!args.containsOption(OPTION)) {
			return;
		}
		List<String> values = args.getOptionValues(OPTION);
		String code = values == null || values.isEmpty() ? "" : values.get(0);
		Optional<Shop> shop = shops.findByCode(code);
		if (shop.isEmpty()) {
			System.out.println("No shop has the code '" + code + "'. Usage: --" + OPTION + "=<shop code>");
			exit(2);
			return;
		}
		KeyRotationProgress progress = start.start(shop.get().id(), "command line");
		System.out.println("Rotating the field keys of shop " + code + ": " + describe(progress));
		progress = followToTheEnd(progress);
		exit(progress.done() ? 0 : 1);
	}

	private KeyRotationProgress followToTheEnd(KeyRotationProgress started) throws InterruptedException {
		KeyRotationProgress progress = started;
		long unchangedPrints = 0;
		while (!progress.done() && unchangedPrints < 300) {
			if (progress.status() == Status.FINISHING) {
				// The worker takes the rotation again only once every node's cached keys expired.
				Duration wait = Duration.between(clock.instant(), progress.startedAt().plus(KeyRotationWorker.SETTLING));
				Thread.sleep(Math.max(0, wait.toMillis()) + 1000);
			}
			worker.kick();
			Thread.sleep(PRINT_EVERY.toMillis());
			KeyRotationProgress now = start.latest(started.shop()).orElseThrow();
			unchangedPrints = now.equals(progress) ? unchangedPrints + 1 : 0;
			progress = now;
			System.out.println(describe(progress));
		}
		return progress;
	}

	static String describe(KeyRotationProgress progress) {
		String rows = progress.rowsResealed() + "/" + progress.rowsTotalAtStart() + " rows re-encrypted ("
				+ progress.percentDone() + "%), " + Math.round(progress.rowsPerSecond()) + " rows/s";
		return switch (progress.status()) {
			case RUNNING -> "RUNNING. " + rows;
			case FINISHING -> "FINISHING. " + rows + "; the old keys are removed once every node's cached keys expired"
					+ " (" + KeyRotationWorker.SETTLING.toSeconds() + " s after the start) and a last sweep ran";
			case DONE -> "DONE. " + rows + "; the old keys are removed";
		};
	}

	private void exit(int code) {
		ExitCodeGenerator exitCode = () -> code;
		System.exit(SpringApplication.exit(context, exitCode));
	}

}
