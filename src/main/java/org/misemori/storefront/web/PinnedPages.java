package org.misemori.storefront.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.platform.ShopRequest;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Storefront pages that lead to payment, drawn from Misemori's own fixed templates instead of
 * the shop's theme: nothing an owner (or whoever took over the owner's admin, as at MakeShop)
 * edits reaches them. Rendered to a string, like themed pages, so a controller answers either
 * kind the same way.
 */
@Component
class PinnedPages {

	private final ITemplateEngine templates;

	private final JakartaServletWebApplication web;

	PinnedPages(ITemplateEngine templates, ServletContext servletContext) {
		this.templates = templates;
		this.web = JakartaServletWebApplication.buildApplication(servletContext);
	}

	ResponseEntity<String> render(ShopRequest shop, HttpStatus status, String template, Map<String, Object> model,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, Object> variables = new LinkedHashMap<>(model);
		variables.put("shop", shop.shop());
		variables.put("base", shop.basePath());
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			variables.put("csrf_param", csrf.getParameterName());
			variables.put("csrf_token", csrf.getToken());
		}
		WebContext context = new WebContext(web.buildExchange(request, response), LocaleContextHolder.getLocale(),
				variables);
		String html = templates.process(template, context);
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(html);
	}

}
