package org.misemori.theme.sandbox;

/**
 * The sandbox's limits. A real shop page stays far below each (a collection of 48 products
 * with variants is a few thousand iterations and a few hundred KB); a template above them is
 * broken or hostile.
 */
record SandboxLimits(int maxTemplateBytes, int maxIterations, int maxOutputChars, int maxListSize, long maxRenderMillis) {

	static final SandboxLimits STOREFRONT = new SandboxLimits(256 * 1024, 10_000, 2_000_000, 10_000, 2_000);

}
