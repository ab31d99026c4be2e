/**
 * The audit log: who did what, to which shop, from where. Append-only in the database.
 * It listens to the other modules' events rather than being called by them. Entries are
 * hash-chained in the database just after they are written, and verified by the application
 * ({@code audit.chain}); the record of personal-data reads comes with the vault.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.misemori.audit;
