package org.misemori;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.misemori.system.WebBaseline;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.web.context.WebApplicationContext;

/**
 * Gives the public chain its cookie-kept CSRF tokens back before each test. Spring Security
 * Test's {@code csrf()} request post-processor swaps the chain's token repository for a
 * session-kept test one and never swaps it back, so one MockMvc test would otherwise change
 * how every later test's storefront works in the shared application context (its tokens
 * kept in a session, which production never does), and tests would pass or fail by order.
 */
public class PublicCsrfTokensRestored implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		WebApplicationContext application = (WebApplicationContext) SpringExtension.getApplicationContext(context);
		WebTestUtils.setCsrfTokenRepository(
				new MockHttpServletRequest(application.getServletContext(), "GET", "/s/demo/"),
				WebBaseline.publicCsrfTokens());
	}

}
