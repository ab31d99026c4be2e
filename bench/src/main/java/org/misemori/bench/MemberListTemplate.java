package org.misemori.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Renders templates/members.html with Spring's Thymeleaf engine (SpEL and Spring's message
 * source, as Spring Boot configures it, templates cached) outside a web request: the only
 * difference is that links get no servlet context path.
 */
final class MemberListTemplate {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	MemberListTemplate() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCharacterEncoding("UTF-8");
		templates.setCacheable(true);
		engine.setTemplateResolver(templates);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		engine.setTemplateEngineMessageSource(messages);
		engine.setLinkBuilder(new StandardLinkBuilder() {
			@Override
			protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
				return "";
			}
		});
	}

	String render(List<MemberLine> members) {
		return engine.process("members", new Context(Locale.JAPANESE, Map.of("members", members, "mayOpen", true)));
	}

}
