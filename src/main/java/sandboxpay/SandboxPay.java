package sandboxpay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts Sandbox Pay, the reference payment provider, as an application of its own: its own
 * Spring context, its own port and so its own origin. Misemori calls {@link #start} beside
 * itself on the embedded default; tests call it with a random port.
 */
public final class SandboxPay {

	private SandboxPay() {
	}

	public static SandboxPayServer start(SandboxPaySettings settings) {
		return start(settings, application());
	}

	/**
	 * Sandbox Pay inside another application's JVM (Misemori on its embedded default): the host
	 * owns logging, so Sandbox Pay neither sets it up nor, when it stops, tears it down under
	 * the host (Boot's logging listener cleans the logging system up when a context closes).
	 */
	public static SandboxPayServer startBeside(SandboxPaySettings settings) {
		SpringApplication application = application();
		application.setListeners(application.getListeners()
			.stream()
			.filter(listener -> !(listener instanceof LoggingApplicationListener))
			.toList());
		return start(settings, application);
	}

	private static SandboxPayServer start(SandboxPaySettings settings, SpringApplication application) {
		Map<String, Object> properties = new LinkedHashMap<>(settings.asProperties());
		// The settings win over everything else in the JVM: an environment variable such as
		// SERVER_PORT meant for Misemori must not move Sandbox Pay onto Misemori's port.
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("sandboxPaySettings", properties));
		application.setEnvironment(environment);
		return new SandboxPayServer(application.run(), hostOf(settings.bindAddress()));
	}

	/**
	 * The application with Sandbox Pay's own configuration name and defaults, and without
	 * Misemori's environment post-processors: those start the embedded PostgreSQL, which a
	 * payment provider must neither need nor see.
	 */
	static SpringApplication application() {
		SpringApplication application = new SpringApplication(SandboxPayApplication.class);
		application.setMainApplicationClass(SandboxPayApplication.class);
		application.setDefaultProperties(SandboxPayApplication.defaults());
		List<ApplicationListener<?>> listeners = new ArrayList<>();
		for (ApplicationListener<?> listener : application.getListeners()) {
			listeners.add(listener instanceof EnvironmentPostProcessorApplicationListener ? onlyForeignPostProcessors()
					: listener);
		}
		application.setListeners(listeners);
		return application;
	}

	private static EnvironmentPostProcessorApplicationListener onlyForeignPostProcessors() {
		ClassLoader classLoader = SandboxPay.class.getClassLoader();
		return EnvironmentPostProcessorApplicationListener.with((logFactory, bootstrapContext) -> EnvironmentPostProcessorsFactory
			.fromSpringFactories(classLoader)
			.getEnvironmentPostProcessors(logFactory, bootstrapContext)
			.stream()
			.filter(postProcessor -> !postProcessor.getClass().getName().startsWith("org.misemori."))
			.toList());
	}

	private static String hostOf(String bindAddress) {
		if (bindAddress.equals("0.0.0.0") || bindAddress.equals("::")) {
			return "localhost";
		}
		return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
	}

}
