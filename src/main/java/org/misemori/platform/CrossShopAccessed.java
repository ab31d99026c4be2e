package org.misemori.platform;

/** Published, synchronously, each time work enters the cross-shop path. */
public record CrossShopAccessed(CrossShopPurpose purpose, String detail, String actor) {
}
