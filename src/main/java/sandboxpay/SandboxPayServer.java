package sandboxpay;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A running Sandbox Pay: where it listens, and how to stop it. */
public final class SandboxPayServer implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String host;

	SandboxPayServer(ConfigurableApplicationContext context, String host) {
		this.context = context;
		this.host = host;
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** For example {@code http://127.0.0.1:41234}: the origin shoppers' browsers and the merchant call. */
	public String baseUrl() {
		return "http://" + host + ":" + port();
	}

	/** The provider's own context, for tests that check what runs in it. */
	public ConfigurableApplicationContext context() {
		return context;
	}

	@Override
	public void close() {
		context.close();
	}

}
