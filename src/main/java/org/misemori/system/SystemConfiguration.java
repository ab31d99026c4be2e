package org.misemori.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	/** One clock for everything that stamps or compares times, so tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
