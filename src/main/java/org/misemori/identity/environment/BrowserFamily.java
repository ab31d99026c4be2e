package org.misemori.identity.environment;

import java.util.List;
import java.util.Locale;

/**
 * "Chrome on Windows" from a User-Agent header: the browser and the system, without versions,
 * so that an update does not look like a new environment. Deliberately small — a full parser
 * (ua-parser) would need a dependency and a regular update of its rules, and all an alert needs
 * is a name the holder recognises. Order matters: Edge and Opera also say "Chrome", Chrome also
 * says "Safari", Android also says "Linux".
 */
final class BrowserFamily {

	private static final List<Rule> BROWSERS = List.of(new Rule("edg", "Edge"), new Rule("opr/", "Opera"),
			new Rule("samsungbrowser", "Samsung Internet"), new Rule("firefox/", "Firefox"),
			new Rule("fxios", "Firefox"), new Rule("crios", "Chrome"), new Rule("chrome/", "Chrome"),
			new Rule("chromium/", "Chromium"), new Rule("safari/", "Safari"), new Rule("java-http-client", "Java HTTP client"),
			new Rule("curl/", "curl"));

	private static final List<Rule> SYSTEMS = List.of(new Rule("windows", "Windows"), new Rule("android", "Android"),
			new Rule("iphone", "iOS"), new Rule("ipad", "iPadOS"), new Rule("cros", "ChromeOS"),
			new Rule("mac os x", "macOS"), new Rule("linux", "Linux"));

	private static final int HEADER_MAX = 1_000;

	private BrowserFamily() {
	}

	static String of(String userAgent) {
		String header = userAgent == null ? ""
				: userAgent.substring(0, Math.min(userAgent.length(), HEADER_MAX)).toLowerCase(Locale.ROOT);
		String browser = first(BROWSERS, header, "Unknown browser");
		String system = first(SYSTEMS, header, null);
		return system == null ? browser : browser + " on " + system;
	}

	private static String first(List<Rule> rules, String header, String otherwise) {
		return rules.stream().filter(rule -> header.contains(rule.marker())).map(Rule::name).findFirst().orElse(otherwise);
	}

	private record Rule(String marker, String name) {
	}

}
