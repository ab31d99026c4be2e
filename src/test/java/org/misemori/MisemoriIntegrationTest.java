package org.misemori;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.misemori.platform.domain.CrashingShopEraser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real server port, against a real embedded PostgreSQL in a
 * throw-away data directory. All integration tests share this one configuration, so they
 * share one application context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "misemori.database.embedded.ephemeral=true", "misemori.platform-hosts=localhost" })
@AutoConfigureMockMvc
@ExtendWith(PublicCsrfTokensRestored.class)
@Import({ FailingEndpoint.class, TestClock.Wiring.class, CrashingShopEraser.class })
public @interface MisemoriIntegrationTest {

}
