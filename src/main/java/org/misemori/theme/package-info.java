/**
 * Storefront themes: Liquid templates, CSS and translations a shop's owner edits, every save
 * kept as a version and audited. Templates run in a sandbox ({@link org.misemori.theme.ThemeRenderer}):
 * they see plain data only, read no file, and are stopped at limits of size, loop iterations,
 * output and time — nothing an owner types becomes code on our servers (MakeShop's admin
 * panel let input become code: INCIDENTS.md §1).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Theme")
package org.misemori.theme;
