/**
 * The audit log: who did what, to which shop, from where. Append-only in the database.
 * It listens to the other modules' events rather than being called by them; the hash chain
 * and the record of personal-data reads come with the vault.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.misemori.audit;
