package org.misemori.notify.outbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailPropertiesUnitTest {

	private final MailProperties defaults = new MailProperties(null, null, null, null, null, null);

	@Test
	void defaultsAreTheDocumentedOnes() {
		assertThat(defaults.from()).isEqualTo("no-reply@misemori.localhost");
		assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(defaults.maxAttempts()).isEqualTo(20);
		assertThat(defaults.fromDomain()).isEqualTo("misemori.localhost");
	}

	@Test
	void backoffStartsAtFiveSecondsDoublesAndStopsAtTenMinutes() {
		assertThat(defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(defaults.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.backoffAfter(3)).isEqualTo(Duration.ofSeconds(20));
		assertThat(defaults.backoffAfter(7)).isEqualTo(Duration.ofSeconds(320));
		assertThat(defaults.backoffAfter(8)).isEqualTo(Duration.ofMinutes(10));
		assertThat(defaults.backoffAfter(19)).isEqualTo(Duration.ofMinutes(10));
		assertThat(defaults.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(10));
	}

}
