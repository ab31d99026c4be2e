package org.misemori.identity.password;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PasswordBlocklistConfiguration {

	private static final Log LOG = LogFactory.getLog(PasswordBlocklistConfiguration.class);

	/** Read once at start, so no sign-up waits for it and a missing list stops the start. */
	@Bean
	PasswordBlocklist passwordBlocklist() {
		long started = System.nanoTime();
		PasswordBlocklist blocklist = PasswordBlocklist.bundled();
		LOG.info("Password blocklist: " + blocklist.size() + " entries, read in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
		return blocklist;
	}

}
