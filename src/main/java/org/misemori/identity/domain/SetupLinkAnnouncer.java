package org.misemori.identity.domain;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * While no operator exists, each start prints one line with a fresh one-time setup link.
 * There is no default password to change, and so none to forget to change.
 */
@Component
class SetupLinkAnnouncer implements ApplicationRunner {

	private static final Log LOG = LogFactory.getLog(SetupLinkAnnouncer.class);

	private final OperatorSetup setup;

	private final PublicUrl publicUrl;

	SetupLinkAnnouncer(OperatorSetup setup, PublicUrl publicUrl) {
		this.setup = setup;
		this.publicUrl = publicUrl;
	}

	@Override
	public void run(ApplicationArguments args) {
		setup.issueTokenIfNoOperator()
			.ifPresent(token -> LOG.warn("No operator account yet. Create the first one within 24 hours at "
					+ publicUrl.of("/operator/setup?token=" + token) + " (the link works once)."));
	}

}
