package org.misemori.platform.web;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopRequest;
import org.misemori.platform.TenantContext;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the shop of a request — from {@code /s/{code}/…}, or from a shop's own host name,
 * whose paths are then served as if under {@code /s/{code}} — and makes it the tenant for
 * the request's database work. Only an open shop becomes the tenant: a closed shop's data
 * is not read on behalf of shoppers.
 */
class ShopContextFilter extends OncePerRequestFilter {

	private static final Pattern SHOP_PATH = Pattern.compile("^/s/([^/]+)(/.*)?$");

	/**
	 * Paths a custom host serves as they are: the platform's shared static assets (its CSS and
	 * scripts; a shop's theme assets are the shop's own, under its scope) and the health check.
	 */
	private static final Set<String> UNSCOPED_PREFIXES = Set.of("/assets/css/", "/assets/js/", "/actuator/",
			"/favicon.ico");

	private final ShopDirectory shops;

	private final Set<String> platformHosts;

	ShopContextFilter(ShopDirectory shops, Set<String> platformHosts) {
		this.shops = shops;
		this.platformHosts = platformHosts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher shopPath = SHOP_PATH.matcher(path);
		if (shopPath.matches()) {
			Optional<Shop> shop = shops.findByCode(shopPath.group(1));
			continueFor(shop.map(s -> new ShopRequest(s, request.getContextPath() + "/s/" + s.code())), request,
					response, chain);
			return;
		}
		Optional<Shop> byHost = platformHosts.contains(request.getServerName()) || isUnscoped(path) ? Optional.empty()
				: shops.findByHostName(request.getServerName());
		if (byHost.isPresent()) {
			HttpServletRequest rewritten = new ShopHostRequest(request, "/s/" + byHost.get().code() + path);
			continueFor(byHost.map(s -> new ShopRequest(s, request.getContextPath())), rewritten, response, chain);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void continueFor(Optional<ShopRequest> shopRequest, HttpServletRequest request,
			HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
		shopRequest.ifPresent(r -> r.attachTo(request));
		Optional<Shop> tenant = shopRequest.map(ShopRequest::shop).filter(Shop::isOpen);
		if (tenant.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		try {
			TenantContext.runAs(tenant.get().id(), () -> doFilterUnchecked(chain, request, response));
		}
		catch (FilterFailure failure) {
			failure.rethrow();
		}
	}

	private static void doFilterUnchecked(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException ex) {
			throw new FilterFailure(ex);
		}
	}

	private static boolean isUnscoped(String path) {
		return UNSCOPED_PREFIXES.stream().anyMatch(path::startsWith);
	}

	/** Carries a checked exception through {@link TenantContext#runAs}. */
	private static final class FilterFailure extends RuntimeException {

		private FilterFailure(Exception cause) {
			super(cause);
		}

		void rethrow() throws IOException, ServletException {
			if (getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) getCause();
		}

	}

	/** A request on a shop's own host, seen by the rest of the chain under {@code /s/{code}}. */
	private static final class ShopHostRequest extends HttpServletRequestWrapper {

		private final String path;

		ShopHostRequest(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + path;
		}

		@Override
		public String getServletPath() {
			return path;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer();
			url.append(getScheme()).append("://").append(getServerName());
			int port = getServerPort();
			if (!(("http".equals(getScheme()) && port == 80) || ("https".equals(getScheme()) && port == 443))) {
				url.append(':').append(port);
			}
			return url.append(getRequestURI());
		}

	}

}
