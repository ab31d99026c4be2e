package org.misemori.notify;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with its mail going to a real SMTP server the test controls
 * ({@link TestMailServer}, which a test may stop and start) instead of the embedded one. A
 * context of its own (one more embedded PostgreSQL), shared by every test that uses this.
 * Polling and retrying are quick, and batches small so that concurrent workers interleave.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "misemori.database.embedded.ephemeral=true", "misemori.platform-hosts=localhost",
		"spring.mail.host=127.0.0.1", "misemori.mail.poll-interval=200ms", "misemori.mail.first-retry=200ms",
		"misemori.mail.max-retry=1s", "misemori.mail.batch-size=5" })
@ContextConfiguration(initializers = TestMailServer.PortInitializer.class)
public @interface NotifyIntegrationTest {

}
