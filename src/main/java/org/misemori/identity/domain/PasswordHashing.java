package org.misemori.identity.domain;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	/** OWASP's Argon2id minimum: 19 MiB of memory, 2 iterations, 1 lane; 16-byte salt, 32-byte hash. */
	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
	}

}
