/**
 * Sign-in throttling for every kind of account: rate limits per client address and per
 * account, a 30-minute lock after 10 consecutive failures for operators and staff (PCI DSS
 * 8.3.4, with one mail to the holder), and progressive delays for members. All state is in
 * PostgreSQL, so that limits hold across application nodes.
 * <p>
 * A sign-in flow asks {@link org.misemori.identity.lockout.LoginThrottle#admit} before it
 * checks a password, and reports the outcome with {@code failed} or {@code succeeded}; flows
 * built on Spring Security wrap their password check in
 * {@link org.misemori.identity.lockout.ThrottledAuthenticationProvider}. The events
 * {@link org.misemori.identity.lockout.LoginThrottled} and
 * {@link org.misemori.identity.lockout.AccountLocked} are for the audit log.
 */
@org.springframework.modulith.NamedInterface("lockout")
package org.misemori.identity.lockout;
