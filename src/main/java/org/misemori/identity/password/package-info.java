/**
 * What a new password must be, after NIST SP 800-63B rev. 4: long enough in characters, not too
 * long to hash, no composition rules, and not on the list of common, expected or leaked passwords
 * nor made of the account's own login ID or email. {@link org.misemori.identity.password.PasswordPolicy}
 * is the one entry point; the callers decide how to show its answer.
 */
package org.misemori.identity.password;
