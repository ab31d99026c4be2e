package org.misemori.theme;

import java.util.Locale;

/**
 * Renders the current shop's theme (the shop of {@code platform.TenantContext}) in the
 * sandbox. Problems come as {@link ThemeRenderProblem}; a storefront controller lets them
 * propagate and shoppers get the fixed fallback page.
 */
public interface ThemeRenderer {

	/**
	 * Renders {@code templates/<page>.liquid} inside {@code layout/theme.liquid} (as
	 * {@code content_for_layout}). {@code locale} is given to templates as {@code locale} and
	 * picks the translations of the {@code t} filter.
	 */
	String renderPage(String page, TemplateData data, Locale locale);

	/** Throws a {@link ThemeRenderProblem} if {@code body} is too large or does not parse as Liquid. */
	void check(String path, String body);

}
