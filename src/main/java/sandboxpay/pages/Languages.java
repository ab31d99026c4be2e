package sandboxpay.pages;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Japanese first; English when the {@code lang} parameter or the browser's Accept-Language asks
 * for it. Stateless, so the pages need no cookie or session.
 */
@Component("localeResolver")
class Languages implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		if (lang != null) {
			return lang.equals("en") ? Locale.ENGLISH : Locale.JAPANESE;
		}
		String accept = request.getHeader("Accept-Language");
		if (accept == null || accept.isBlank()) {
			return Locale.JAPANESE;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
				if (range.getRange().startsWith("ja")) {
					return Locale.JAPANESE;
				}
				if (range.getRange().startsWith("en")) {
					return Locale.ENGLISH;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// A malformed header is no reason to refuse the page.
		}
		return Locale.JAPANESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("the language follows the request");
	}

}
