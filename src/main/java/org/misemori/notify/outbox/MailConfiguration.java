package org.misemori.notify.outbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox poller is a scheduled job: this turns on Spring's scheduling for it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

}
