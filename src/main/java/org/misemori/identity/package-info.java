/**
 * Accounts and sign-in. For now the platform's operators: their one-time setup link (no
 * default password, ever), Argon2id password hashes, and the login to the operator console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.misemori.identity;
