package org.misemori.platform.domain;

import org.misemori.platform.ShopProfile;

/** What the operator gives to open a shop. The host name is optional. */
public record NewShop(String code, String name, String hostName, ShopProfile profile) {
}
