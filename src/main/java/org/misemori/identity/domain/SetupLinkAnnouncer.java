package org.misemori.identity.domain;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * While no operator exists, each start prints one line with a fresh one-time setup link.
 * There is no default password to change, and so none to forget to change.
 */
@Component
class SetupLinkAnnouncer implements ApplicationRunner {

	private static final Log LOG = LogFactory.getLog(SetupLinkAnnouncer.class);

	private final OperatorSetup setup;

	private final Environment environment;

	SetupLinkAnnouncer(OperatorSetup setup, Environment environment) {
		this.setup = setup;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		setup.issueTokenIfNoOperator()
			.ifPresent(token -> LOG.warn("No operator account yet. Create the first one within 24 hours at "
					+ baseUrl() + "/operator/setup?token=" + token + " (the link works once)."));
	}

	private String baseUrl() {
		String configured = environment.getProperty("misemori.public-url", "");
		if (!configured.isBlank()) {
			return configured.replaceAll("/+$", "");
		}
		return "http://localhost:" + environment.getProperty("local.server.port",
				environment.getProperty("server.port", "8080"));
	}

}
