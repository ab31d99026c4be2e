package org.misemori;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A route that fails the way a bug would, to see what an error page gives away. */
@TestConfiguration(proxyBeanMethods = false)
@Import(FailingEndpoint.Controller.class)
public class FailingEndpoint {

	public static final String PATH = "/test/failing";

	public static final String INTERNAL_DETAIL = "connection string postgres://secret-host";

	/** A payment call failing with everything it was given in the exception's message. */
	public static final String CHARGE_PATH = "/test/failing/charge";

	@RestController
	static class Controller {

		@GetMapping(PATH)
		String fail() {
			throw new IllegalStateException(INTERNAL_DETAIL);
		}

		@RequestMapping(CHARGE_PATH)
		String failCharge(@RequestParam Map<String, String> parameters) {
			throw new IllegalStateException("gateway refused the charge: " + parameters);
		}

	}

}
