package org.misemori.payment.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sandboxpay.SandboxPay;
import sandboxpay.SandboxPayServer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * On the embedded default Misemori starts the sandbox provider beside itself, as a second
 * application on its own port (its own origin), with an API key and a webhook secret drawn
 * at each start and written nowhere. Its port is chosen first, so the adapter knows where to
 * call; the provider itself starts once Misemori's port is known, for its webhook address.
 */
class EmbeddedSandboxPay implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSandboxPay.class);

	private final int port;

	private final String apiKey = secret();

	private final String webhookSecret = secret();

	private final String publicUrl;

	private volatile SandboxPayServer server;

	EmbeddedSandboxPay(int configuredPort, String publicUrl) {
		this.port = configuredPort == 0 ? freePort() : configuredPort;
		this.publicUrl = publicUrl;
	}

	SandboxPaySettings settings() {
		return new SandboxPaySettings(URI.create("http://127.0.0.1:" + port), apiKey, webhookSecret);
	}

	@Override
	public synchronized void onApplicationEvent(WebServerInitializedEvent event) {
		if (server != null || event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		int misemori = event.getWebServer().getPort();
		List<String> origins = new ArrayList<>(List.of("http://localhost:" + misemori, "http://127.0.0.1:" + misemori));
		if (!publicUrl.isBlank()) {
			URI configured = URI.create(publicUrl);
			origins.add(configured.getScheme() + "://" + configured.getRawAuthority());
		}
		server = SandboxPay.startBeside(new sandboxpay.SandboxPaySettings(port, "127.0.0.1", apiKey, webhookSecret,
				"http://127.0.0.1:" + misemori + "/payments/webhooks/sandbox", origins,
				sandboxpay.SandboxPaySettings.DEFAULT_WEBHOOK_ATTEMPTS));
		log.info("Sandbox Pay, the sandbox payment provider, runs at " + server.baseUrl()
				+ " (test cards: docs/sandbox-pay.md)");
	}

	/** The running provider, for tests that use its test hooks. */
	SandboxPayServer server() {
		return server;
	}

	@Override
	public void destroy() {
		if (server != null) {
			server.close();
		}
	}

	private static String secret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port for the sandbox payment provider", ex);
		}
	}

}
