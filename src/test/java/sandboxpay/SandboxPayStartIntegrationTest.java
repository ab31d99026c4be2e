package sandboxpay;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sandbox Pay starts alone: its own context, its own port, none of Misemori's infrastructure. */
class SandboxPayStartIntegrationTest {

	private static final String KEY = "sk_test_start_0123456789abcdef";

	private static SandboxPayServer server;

	@BeforeAll
	static void start() {
		server = SandboxPay.start(SandboxPaySettings.of(KEY, "whsec_start_0123456789abcdef",
				List.of("http://localhost:8080")));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void listensOnItsOwnRandomLoopbackPort() {
		assertThat(server.port()).isPositive();
		assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
	}

	@Test
	void runsNoneOfMisemorisInfrastructure() {
		var context = server.context();
		assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
		// Thymeleaf's Spring Security dialect is only a dialect; no filter chain, no security context.
		assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(name -> String.valueOf(context.getType(name))))
			.noneMatch(type -> type.contains("org.misemori.") || type.contains("org.flywaydb.")
					|| type.contains("org.springframework.session.") || type.contains("org.springframework.modulith.")
					|| type.contains("org.springframework.security.web.") || type.contains("org.springframework.jdbc."));
		assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("sandboxpay");
		assertThat(context.getEnvironment().getProperty("misemori.data-dir")).isNull();
	}

	@Test
	void refusesAWrongKey() throws Exception {
		var client = new SandboxPayClient(server.baseUrl(), KEY);
		var answer = client.withKey("sk_test_wrong", "/v1/sessions", "{}");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.json().path("error").asString()).isEqualTo("unauthorized");
	}

}
