/**
 * What shoppers see of a shop: its home page and its 特定商取引法に基づく表記. Themes written
 * by shop owners (Liquid, sandboxed) come with the catalog.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storefront")
package org.misemori.storefront;
