package org.misemori.theme.web;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.platform.ShopRequest;
import org.misemori.theme.ThemeRenderProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A shopper whose page a theme could not render gets a fixed page, never the theme's error or
 * half a page; the owner sees the problem in the theme editor. Any controller that renders a
 * theme lets {@link ThemeRenderProblem} propagate to here.
 */
@ControllerAdvice
class ThemeFallback {

	private static final Logger log = LoggerFactory.getLogger(ThemeFallback.class);

	@ExceptionHandler(ThemeRenderProblem.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String fallback(ThemeRenderProblem problem, HttpServletRequest request, Model model) {
		log.warn("Theme render problem on {}: {}", request.getRequestURI(), problem.getMessage());
		model.addAttribute("base", ShopRequest.of(request).map(ShopRequest::basePath).orElse(null));
		return "theme/fallback";
	}

}
