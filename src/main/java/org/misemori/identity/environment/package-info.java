/**
 * New-environment sign-in alerts (issue 3 §6): a successful password sign-in from a device,
 * browser family and network not seen before for that account mails its holder once, with a
 * "this was not me" link that ends every session of the account and invalidates its password.
 * <p>
 * The sign-in chains plug {@link org.misemori.identity.environment.SignInEnvironments} in as
 * their success handler. The events {@link org.misemori.identity.environment.NewEnvironmentAlerted}
 * and {@link org.misemori.identity.environment.NotMeReported} are for the audit log.
 */
@org.springframework.modulith.NamedInterface("environment")
package org.misemori.identity.environment;
