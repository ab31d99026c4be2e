package org.misemori.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A GreenMail SMTP server on one loopback port, fixed for the whole test run, so that the
 * application context (created once) and each test class's server (started and stopped at
 * will) meet on the same port.
 */
public final class TestMailServer {

	public static final int PORT = freePort();

	private TestMailServer() {
	}

	/** One server per test class, running for all its tests unless a test stops it. */
	public static GreenMailExtension extension() {
		return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withPerMethodLifecycle(false);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static final class PortInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("spring.mail.port=" + PORT).applyTo(context);
		}

	}

}
