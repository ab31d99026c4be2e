/**
 * The web baseline every response gets — security headers with a per-response CSP nonce,
 * sign-in rules, CSRF, Japanese-first locale, error pages without internals — and the
 * platform's landing page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.misemori.system;
