package org.misemori.platform;

import java.util.concurrent.ThreadLocalRandom;

import org.misemori.platform.domain.NewShop;
import org.misemori.platform.domain.ShopAdministration;

/** Named shops for tests; codes get a random suffix so tests sharing a database never collide. */
public final class ShopFixtures {

	private ShopFixtures() {
	}

	public static Shop kissaShop(ShopAdministration administration) {
		return open(administration, "kissa", "喫茶みどり", null);
	}

	public static Shop zakkaShop(ShopAdministration administration) {
		return open(administration, "zakka", "雑貨のはな", null);
	}

	public static Shop shopOnItsOwnHost(ShopAdministration administration, String hostName) {
		return open(administration, "own-host", "自社ドメイン店", hostName);
	}

	public static String uniqueHost() {
		return "shop-" + suffix() + ".example.test";
	}

	private static Shop open(ShopAdministration administration, String prefix, String name, String host) {
		ShopProfile profile = new ShopProfile(name + "へようこそ", "", name + "株式会社", "代表 太郎", "〒100-0005 東京都千代田区丸の内1-1", "03-0000-0000",
				"info@example.test", "", "", "", "", "", "");
		return administration.openShop(new NewShop(prefix + "-" + suffix(), name, host, profile),
				CrossShopPurpose.SHOP_ADMINISTRATION);
	}

	private static String suffix() {
		return Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
	}

}
