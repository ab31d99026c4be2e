package org.misemori.catalog.domain;

import java.util.List;
import java.util.Set;

import org.misemori.catalog.ProductStatus;
import org.misemori.catalog.TaxClass;

/**
 * The product CSV's columns, one row per variant; rows with the same handle are one product
 * and carry its fields again (as Shopify's product CSV). Export and import use the same
 * columns, so a file exported, edited in Excel and imported changes only what was edited.
 */
final class ProductCsvColumns {

	static final String HANDLE = "ハンドル";

	static final String TITLE = "商品名";

	static final String DESCRIPTION = "説明";

	static final String TAX = "税率";

	static final String STATUS = "公開状態";

	static final String CATEGORIES = "カテゴリ";

	static final String SKU = "SKU";

	static final String PRICE = "価格（税込）";

	static final String STOCK = "在庫数";

	static final List<String> ALL = List.of(HANDLE, TITLE, DESCRIPTION, TAX, STATUS, CATEGORIES, SKU, optionName(1),
			optionValue(1), optionName(2), optionValue(2), optionName(3), optionValue(3), PRICE, STOCK);

	static final Set<String> REQUIRED = Set.of(HANDLE, TITLE, SKU, PRICE);

	/** The product's own columns, which every row of the product must repeat or leave blank. */
	static final List<String> PRODUCT_FIELDS = List.of(TITLE, DESCRIPTION, TAX, STATUS, CATEGORIES);

	private ProductCsvColumns() {
	}

	static String optionName(int n) {
		return "オプション" + n + "名";
	}

	static String optionValue(int n) {
		return "オプション" + n + "値";
	}

	static String tax(TaxClass taxClass) {
		return Integer.toString(taxClass.ratePercent());
	}

	/** 10 / 8, with or without %, or standard / reduced, 標準 / 軽減; blank is the standard rate. */
	static TaxClass taxClass(String cell) {
		return switch (cell.replace("%", "").replace("％", "").strip().toLowerCase(java.util.Locale.ROOT)) {
			case "", "10", "standard", "標準" -> TaxClass.STANDARD;
			case "8", "reduced", "軽減", "※" -> TaxClass.REDUCED;
			default -> null;
		};
	}

	static String status(ProductStatus status) {
		return status == ProductStatus.PUBLISHED ? "公開" : "下書き";
	}

	/** 公開 / 下書き or published / draft; blank is a draft. */
	static ProductStatus status(String cell) {
		return switch (cell.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "", "下書き", "draft", "非公開" -> ProductStatus.DRAFT;
			case "公開", "published" -> ProductStatus.PUBLISHED;
			default -> null;
		};
	}

}
