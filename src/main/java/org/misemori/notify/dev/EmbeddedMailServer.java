package org.misemori.notify.dev;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default's mail server: GreenMail, in process, on a free loopback port, with
 * the application's {@code JavaMailSender} pointed at it. A newcomer follows every mail flow
 * (reset links, alerts) at {@code /dev/mail} without setting up anything. Mail is kept in
 * memory only and is gone after a restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedMail
class EmbeddedMailServer {

	private static final Log log = LogFactory.getLog(EmbeddedMailServer.class);

	@Bean(destroyMethod = "stop")
	GreenMail embeddedSmtpServer() {
		// Loopback only: the server accepts any mail from anyone who can reach it.
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		server.start();
		log.info("Embedded mail server on 127.0.0.1:" + server.getSmtp().getPort()
				+ "; mail the application sends is shown at /dev/mail");
		return server;
	}

	@Bean
	JavaMailSenderImpl mailSender(GreenMail embeddedSmtpServer) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(embeddedSmtpServer.getSmtp().getPort());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "5000");
		properties.setProperty("mail.smtp.timeout", "10000");
		properties.setProperty("mail.smtp.writetimeout", "10000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

}
