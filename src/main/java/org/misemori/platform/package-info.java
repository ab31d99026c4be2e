/**
 * Shops and their lifecycle (open → closed → purged), and the tenancy every other module
 * stands on: the current shop of a request, the database guard that keeps each shop's rows
 * to itself, and the one audited path across shops.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.misemori.platform;
