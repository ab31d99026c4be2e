package org.misemori.identity.session;

import java.time.Clock;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC), so that any node serves any request, with
 * session ids that are hashes of the cookie ({@link HashedSessionIds}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	HashedSessionIds hashedSessionIds(ServerProperties server) {
		var cookie = server.getServlet().getSession().getCookie();
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		PropertyMapper map = PropertyMapper.get();
		map.from(cookie::getName).to(serializer::setCookieName);
		map.from(cookie::getHttpOnly).to(serializer::setUseHttpOnlyCookie);
		map.from(cookie::getSameSite).as(Object::toString).to(serializer::setSameSite);
		serializer.setCookiePath("/");
		return new HashedSessionIds(serializer);
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> hashedIdsInTheDatabase(HashedSessionIds ids) {
		return repository -> repository.setSessionIdGenerator(ids);
	}

	/** After Spring Session's filter, before Spring Security's, so an ended session is never used. */
	@Bean
	FilterRegistrationBean<AbsoluteSessionLifetimeFilter> absoluteSessionLifetime(Clock clock) {
		FilterRegistrationBean<AbsoluteSessionLifetimeFilter> registration = new FilterRegistrationBean<>(
				new AbsoluteSessionLifetimeFilter(clock));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	/** Concurrent requests of one session upsert their attributes instead of colliding. */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
