package org.misemori.shipping;

import java.time.LocalDate;
import java.util.List;

/**
 * Delivery-slip files for the carriers' own slip printing: Yamato's B2 Cloud (外部データ取込, its
 * standard layout) and Sagawa's e-飛伝Ⅲ (標準 飛脚宅配便 CSV with header). Both are windows-31j with
 * CRLF, one header line then one line per slip. A value the file cannot carry (a character
 * outside windows-31j, a name longer than the slip's field) is refused with a
 * {@link ShippingException} naming the order and the column, so a file is either right or not
 * made. Whoever offers the file for download publishes {@link DeliverySlipsExported}.
 */
public final class DeliverySlips {

	private DeliverySlips() {
	}

	/** B2 Cloud's import file, without contract numbers (chosen in B2 Cloud when importing). */
	public static byte[] yamatoB2Cloud(List<ShipmentSlip> slips, LocalDate shippingDate) {
		return yamatoB2Cloud(slips, shippingDate, YamatoBilling.NONE);
	}

	/** B2 Cloud's import file for parcels handed over on {@code shippingDate}, billed to {@code billing}. */
	public static byte[] yamatoB2Cloud(List<ShipmentSlip> slips, LocalDate shippingDate, YamatoBilling billing) {
		return YamatoB2Layout.write(slips, shippingDate, billing);
	}

	/** e-飛伝Ⅲ's import file for parcels handed over on {@code shippingDate}. */
	public static byte[] sagawaEHiden(List<ShipmentSlip> slips, LocalDate shippingDate) {
		return SagawaEHidenLayout.write(slips, shippingDate);
	}

	/** Postal codes as both carriers print them: 123-4567 (full-width digits and a missing hyphen accepted). */
	static String postalCode(String orderNumber, String column, String value) {
		String digits = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).replaceAll("[-ー－\\s]", "");
		if (!digits.matches("[0-9]{7}")) {
			throw new ShippingException("shipping.slip.postalCode", orderNumber, column);
		}
		return digits.substring(0, 3) + "-" + digits.substring(3);
	}

	/** Phone numbers in half-width digits and hyphens, as both carriers want them. */
	static String phone(String orderNumber, String column, String value) {
		String phone = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).replaceAll("[ー－‐\\s]", "-");
		if (!phone.matches("[0-9][0-9-]{8,14}")) {
			throw new ShippingException("shipping.slip.phone", orderNumber, column);
		}
		return phone;
	}

}
