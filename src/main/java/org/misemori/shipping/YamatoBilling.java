package org.misemori.shipping;

/**
 * The shop's Yamato contract numbers B2 Cloud bills a slip to: ご請求先顧客コード (10–12 digits),
 * ご請求先分類コード (up to 3, may be empty) and 運賃管理番号 (2 digits, usually "01"). B2 Cloud
 * refuses a 発払い slip without them, so a shop fills them in once its contract is known;
 * {@link #NONE} leaves the columns empty for the person importing to choose in B2 Cloud.
 */
public record YamatoBilling(String customerCode, String classificationCode, String freightNumber) {

	public static final YamatoBilling NONE = new YamatoBilling("", "", "");

	public YamatoBilling {
		customerCode = digits(customerCode, 0, 12, "shipping.yamato.customerCode");
		classificationCode = digits(classificationCode, 0, 3, "shipping.yamato.classificationCode");
		freightNumber = digits(freightNumber, 0, 2, "shipping.yamato.freightNumber");
	}

	private static String digits(String value, int min, int max, String messageKey) {
		String text = value == null ? "" : value.strip();
		if (text.length() < min || text.length() > max || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new ShippingException(messageKey, max);
		}
		return text;
	}

}
