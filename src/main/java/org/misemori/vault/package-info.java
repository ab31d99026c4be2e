/**
 * Keys and encryption. The key-encryption key ({@link org.misemori.vault.KeyEncryptionKey}: by
 * default the master keyset file in the data directory, outside the database) wraps each shop's
 * own keysets; {@link org.misemori.vault.ShopVault} encrypts personal-data fields with them,
 * bound to shop, table, column and row, and computes blind indexes for lookups;
 * {@link org.misemori.vault.SecretBox} seals small platform secrets such as TOTP seeds.
 * Destroying a shop's keysets destroys its personal data (crypto-shredding).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vault")
package org.misemori.vault;
