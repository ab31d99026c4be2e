package org.misemori.platform.demo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.platform.CrossShopPurpose;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.ShopProfile;
import org.misemori.platform.domain.NewShop;
import org.misemori.platform.domain.ShopAdministration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop on the embedded default, so that a newcomer sees a storefront at
 * {@code /s/demo/} on the first start. Everything in it is fictitious.
 */
@Component
@Order(100) // before the modules that seed its members
@ConditionalOnProperty("misemori.demo.enabled")
class DemoShopSeeder implements ApplicationRunner {

	static final String CODE = "demo";

	private static final Log LOG = LogFactory.getLog(DemoShopSeeder.class);

	private final ShopDirectory directory;

	private final ShopAdministration administration;

	DemoShopSeeder(ShopDirectory directory, ShopAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (directory.findByCode(CODE).isPresent()) {
			return;
		}
		administration.openShop(new NewShop(CODE, "店守デモ商店", null, profile()), CrossShopPurpose.DEMO_SEED);
		LOG.info("Seeded the demo shop at /s/" + CODE + "/");
	}

	private static ShopProfile profile() {
		return new ShopProfile("暮らしの道具と、季節の食卓。", "店守のデモ商店です。商品・注文・会員はすべて架空のものです。", "店守デモ株式会社",
				"山田 太郎", "〒100-0005 東京都千代田区丸の内一丁目1番1号 デモビル3階", "03-0000-0000", "support@demo.misemori.example",
				"平日 10:00〜17:00（土日祝・年末年始を除く）", "各商品ページに税込価格で表示しています。", "送料（全国一律 800円、10,000円以上のご注文で無料）、代金引換手数料 330円。",
				"クレジットカード、コンビニ払い、銀行振込、代金引換、後払い", "ご注文確認後 3営業日以内に発送します。",
				"商品到着後 8日以内にご連絡ください。未使用品に限り返品を承ります。お客様都合の返品送料はお客様のご負担となります。不良品は当社負担で交換します。");
	}

}
