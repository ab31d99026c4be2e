package org.misemori.system.logging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.misemori.FailingEndpoint;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Store-mix's card numbers sat in its payment gateway's logs. Here every log line — Spring's
 * request tracing with details on, Tomcat's report of a failed request, a third-party logger
 * with arguments and a nested exception — reaches the console only after redaction.
 */
@MisemoriIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionIntegrationTest {

	private static final String CARD_IN_QUERY = "4111-1111-1111-1111";

	private static final String CARD_IN_BODY = "5555555555554444";

	private static final String CARD_IN_HEADER = "3782 822463 10005";

	private static final String CARD_IN_EXCEPTION = "4012888888881881";

	private static final String PASSWORD = "kaminari-okoshi-77";

	private static final String SECURITY_CODE = "7373";

	private static final String TOKEN = "tok_9fQ2xLwV8mZp";

	private static final String EMAIL_LOCAL_PART = "hanako.sato";

	private static final String PHONE = "090-8765-4321";

	@LocalServerPort
	private int port;

	@Autowired
	private DispatcherServlet dispatcher;

	private final Logger springWeb = (Logger) LoggerFactory.getLogger("org.springframework.web");

	private Level springWebLevel;

	@BeforeEach
	void traceEveryRequestWithItsDetails() {
		springWebLevel = springWeb.getLevel();
		springWeb.setLevel(Level.TRACE);
		dispatcher.setEnableLoggingRequestDetails(true);
	}

	@AfterEach
	void quietAgain() {
		dispatcher.setEnableLoggingRequestDetails(false);
		springWeb.setLevel(springWebLevel);
	}

	@Test
	void noCardNumberPasswordTokenEmailOrPhoneReachesAnyLogLine(CapturedOutput output) throws Exception {
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + FailingEndpoint.CHARGE_PATH + "?card="
					+ CARD_IN_QUERY + "&token=" + TOKEN))
				.header("Authorization", "Bearer " + TOKEN)
				.header("X-Card-Number", CARD_IN_HEADER)
				.build(), BodyHandlers.discarding());
		TestBrowser browser = new TestBrowser(port);
		browser.get("/s/demo/account/login");
		browser.post(FailingEndpoint.CHARGE_PATH, Map.of("card_number", CARD_IN_BODY, "cvv", SECURITY_CODE, "password",
				PASSWORD, "email", EMAIL_LOCAL_PART + "@example.jp", "phone", PHONE));
		org.slf4j.Logger gateway = LoggerFactory.getLogger("com.example.gateway.Client");
		gateway.warn("retrying card {} with token={} for {}", CARD_IN_QUERY, TOKEN, EMAIL_LOCAL_PART + "@example.jp");
		gateway.error("charge failed", new IllegalStateException("card " + CARD_IN_EXCEPTION + " declined",
				new IllegalArgumentException("password=" + PASSWORD + " security_code=" + SECURITY_CODE)));

		String log = output.getAll();
		assertThat(log).as("the lines were logged, masked")
			.contains("gateway refused the charge")
			.contains("************1111", "************4444", "************1881", "***********0005")
			.contains("[REDACTED]", "***@example.jp", "***-****-4321")
			.contains("IllegalStateException", "IllegalArgumentException");
		for (String secret : List.of(CARD_IN_QUERY, "4111111111111111", CARD_IN_BODY, CARD_IN_HEADER, CARD_IN_EXCEPTION,
				PASSWORD, TOKEN, EMAIL_LOCAL_PART, PHONE, "cvv=" + SECURITY_CODE, "security_code=" + SECURITY_CODE)) {
			assertThat(log).as("log output must not contain %s", secret).doesNotContain(secret);
		}
	}

}
