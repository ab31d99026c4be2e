package org.misemori.notify.dev;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.misemori.notify.NotifyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** With a mail server configured, there is no in-process server and no /dev/mail page. */
@NotifyIntegrationTest
class NoDevMailElsewhereIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Test
	void aConfiguredMailServerReplacesTheEmbeddedOneAndItsPage() {
		assertThat(context.getBeanNamesForType(DevMailController.class)).isEmpty();
		assertThat(context.getBeanNamesForType(GreenMail.class)).isEmpty();
		assertThat(context.getBean(JavaMailSenderImpl.class).getHost()).isEqualTo("127.0.0.1");
	}

}
