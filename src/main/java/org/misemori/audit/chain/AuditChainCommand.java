package org.misemori.audit.chain;

import org.misemori.audit.chain.ChainReport.BrokenLink;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar misemori.jar --verify-audit-chain}: verifies the chain, prints the result and
 * exits 0 when it is intact, 1 when not — for cron jobs and incident responders who should not
 * need a browser. The application then starts without its web server (see
 * {@code MisemoriApplication}).
 */
@Component
class AuditChainCommand implements ApplicationRunner {

	static final String OPTION = "verify-audit-chain";

	private final AuditChainSealer sealer;

	private final AuditChainVerifier verifier;

	private final ConfigurableApplicationContext context;

	AuditChainCommand(AuditChainSealer sealer, AuditChainVerifier verifier, ConfigurableApplicationContext context) {
		this.sealer = sealer;
		this.verifier = verifier;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		// Whatever was written up to now (this start's own entries included) is chained first.
		sealer.sealPending();
		ChainReport report = verifier.verify();
		System.out.println(describe(report));
		ExitCodeGenerator exitCode = () -> report.intact() ? 0 : 1;
		System.exit(SpringApplication.exit(context, exitCode));
	}

	static String describe(ChainReport report) {
		String checked = "Audit chain: " + report.checked() + " entries verified";
		String stale = report.staleUnsealed() == 0 ? ""
				: "; " + report.staleUnsealed() + " entries left unchained for over a minute (is the sealer stopped?)";
		return report.firstBroken().map(BrokenLink::toString).map(broken -> "BROKEN. " + checked
				+ " before the first broken link: " + broken + stale).orElse((report.intact() ? "INTACT. " : "BROKEN. ")
						+ checked + stale);
	}

}
