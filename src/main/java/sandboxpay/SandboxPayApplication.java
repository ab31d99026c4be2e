package sandboxpay;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Sandbox Pay's context. Deliberately not {@code @SpringBootApplication}: Misemori's jar carries
 * DataSource, Flyway, Security, Session and Modulith auto-configurations, and none of them
 * belongs in a payment provider, so only the web stack is imported by name.
 *
 * <p>Alone: {@code java -Dloader.main=sandboxpay.SandboxPayApplication -cp target/misemori-*.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher --sandboxpay.api-key=...}
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		MessageSourceAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
		JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, ThymeleafAutoConfiguration.class,
		ErrorMvcAutoConfiguration.class })
@ComponentScan(basePackages = { "sandboxpay.payments", "sandboxpay.cards", "sandboxpay.webhooks", "sandboxpay.api",
		"sandboxpay.pages" })
public class SandboxPayApplication {

	public static void main(String[] args) {
		String generatedKey = random();
		var application = SandboxPay.application();
		Map<String, Object> defaults = new HashMap<>(defaults());
		defaults.put("server.port", 8090);
		defaults.put("server.address", "127.0.0.1");
		defaults.put("sandboxpay.api-key", generatedKey);
		defaults.put("sandboxpay.webhook-secret", random());
		application.setDefaultProperties(defaults);
		var environment = application.run(args).getEnvironment();
		if (generatedKey.equals(environment.getProperty("sandboxpay.api-key"))) {
			// Run alone without a key, nobody else knows the random one: print it once, as a sandbox console does.
			System.out.println("Sandbox Pay API key: " + generatedKey);
		}
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** What every Sandbox Pay context reads, whoever starts it. */
	static Map<String, Object> defaults() {
		return Map.ofEntries(Map.entry("spring.config.name", "sandboxpay"),
				Map.entry("spring.application.name", "sandboxpay"), Map.entry("spring.main.banner-mode", "off"),
				Map.entry("spring.jmx.enabled", "false"),
				Map.entry("spring.thymeleaf.prefix", "classpath:/sandboxpay/templates/"),
				Map.entry("spring.messages.basename", "sandboxpay/messages"),
				Map.entry("spring.messages.fallback-to-system-locale", "false"),
				Map.entry("spring.web.resources.static-locations", "classpath:/sandboxpay/static/"),
				Map.entry("spring.mvc.static-path-pattern", "/assets/**"),
				Map.entry("server.error.whitelabel.enabled", "false"),
				Map.entry("server.error.include-stacktrace", "never"),
				Map.entry("server.error.include-message", "never"),
				Map.entry("server.servlet.session.tracking-modes", "cookie"),
				Map.entry("sandboxpay.webhook-url", ""), Map.entry("sandboxpay.allowed-return-origins", ""),
				Map.entry("sandboxpay.webhook-attempts", "8"));
	}

	private static String random() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return "sk_test_" + HexFormat.of().formatHex(bytes);
	}

}
