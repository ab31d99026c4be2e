package org.misemori.platform;

public record ShopOpened(ShopId shopId, ShopCode code, String actor) {
}
