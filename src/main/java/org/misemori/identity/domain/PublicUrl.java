package org.misemori.identity.domain;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The address people reach Misemori at, for links in mail and in the start-up log. */
@Component
public class PublicUrl {

	private final Environment environment;

	PublicUrl(Environment environment) {
		this.environment = environment;
	}

	public String of(String path) {
		String configured = environment.getProperty("misemori.public-url", "");
		String base = configured.isBlank()
				? "http://localhost:" + environment.getProperty("local.server.port",
						environment.getProperty("server.port", "8080"))
				: configured.replaceAll("/+$", "");
		return base + path;
	}

}
