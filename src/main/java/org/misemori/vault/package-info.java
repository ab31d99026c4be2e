/**
 * Keys and encryption. For now the platform's master keyset (a Tink AES-256-GCM keyset in the
 * data directory, outside the database) and {@link org.misemori.vault.SecretBox}, which seals
 * small secrets such as TOTP seeds. Per-shop keysets wrapped by this master key, encrypted
 * personal-data fields and crypto-shredding build on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vault")
package org.misemori.vault;
