package org.misemori.shipping;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Yamato B2 Cloud's 送り状発行データ standard layout, columns 1–42 (the rest — web collect, mail
 * notices, 収納代行 — are optional and left out, as other B2 exporters do; B2 Cloud reads by
 * position from the second line). Followed: Yamato's 「B2 送り状発行データレイアウト 入出力用」
 * (new_exchange1.pdf) as reproduced in Yamato Financial's EC-CUBE plugin (CsvExportService,
 * header names taken from it) and labocho/yamato_b2_cloud (column numbers). Widths in bytes:
 * お客様管理番号 20 half-width, address 64, building 32, names 32, 品名 50, phone 15, postal 8.
 * Unsure: whether B2 Cloud requires コレクト内消費税額等 for every コレクト slip (left empty when the
 * caller does not know it), and 敬称 "様" (B2 also prints 様 when it is empty).
 */
final class YamatoB2Layout {

	static final List<String> HEADER = List.of("お客様管理番号", "送り状種別", "クール区分", "伝票番号", "出荷予定日",
			"お届け予定（指定）日", "配達時間帯", "お届け先コード", "お届け先電話番号", "お届け先電話番号枝番", "お届け先郵便番号",
			"お届け先住所", "お届け先住所（アパートマンション名）", "お届け先会社・部門名１", "お届け先会社・部門名２", "お届け先名",
			"お届け先名称略カナ", "敬称", "ご依頼主コード", "ご依頼主電話番号", "ご依頼主電話番号枝番", "ご依頼主郵便番号",
			"ご依頼主住所", "ご依頼主住所（アパートマンション名）", "ご依頼主名", "ご依頼主略称カナ", "品名コード１", "品名１",
			"品名コード２", "品名２", "荷扱い１", "荷扱い２", "記事", "コレクト代金引換額（税込）", "コレクト内消費税額等",
			"営業所止置き", "営業所コード", "発行枚数", "個数口枠の印字", "ご請求先顧客コード", "ご請求先分類コード", "運賃管理番号");

	/** 送り状種別: 0 発払い (prepaid), 2 コレクト (cash on delivery). */
	private static final String PREPAID = "0";

	private static final String COLLECT = "2";

	/** クール区分: 0 normal, 2 クール冷蔵 (chilled; 1 would be frozen, which the shop's "cool" does not mean). */
	private static final String CHILLED = "2";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

	private YamatoB2Layout() {
	}

	static byte[] write(List<ShipmentSlip> slips, LocalDate shippingDate, YamatoBilling billing) {
		SlipCsv csv = new SlipCsv(HEADER);
		for (ShipmentSlip slip : slips) {
			String order = slip.orderNumber();
			csv.row(order)
				.text("お客様管理番号", order, 20)
				.fixed(slip.cashOnDelivery() ? COLLECT : PREPAID)
				.fixed(slip.cool() ? CHILLED : "0")
				.empty(1)
				.fixed(shippingDate.format(DATE))
				.fixed(slip.deliveryDate() == null ? "" : slip.deliveryDate().format(DATE))
				.fixed(slip.slot() == null ? "" : slip.slot().code())
				.empty(1)
				.text("お届け先電話番号", DeliverySlips.phone(order, "お届け先電話番号", slip.recipientPhone()), 15)
				.empty(1)
				.fixed(DeliverySlips.postalCode(order, "お届け先郵便番号", slip.recipientPostalCode()))
				.text("お届け先住所", slip.prefecture().japaneseName() + slip.recipientAddressLine(), 64)
				.text("お届け先住所（アパートマンション名）", slip.recipientBuilding(), 32)
				.empty(2)
				.text("お届け先名", slip.recipientName(), 32)
				.empty(1)
				.fixed("様")
				.empty(1)
				.text("ご依頼主電話番号", DeliverySlips.phone(order, "ご依頼主電話番号", slip.shipperPhone()), 15)
				.empty(1)
				.fixed(DeliverySlips.postalCode(order, "ご依頼主郵便番号", slip.shipperPostalCode()))
				.text("ご依頼主住所", slip.shipperAddress(), 64)
				.empty(1)
				.text("ご依頼主名", slip.shipperName(), 32)
				.empty(2)
				.text("品名１", slip.itemName(), 50)
				.empty(5)
				.fixed(slip.cashOnDelivery() ? Long.toString(slip.amountToCollectYen()) : "")
				.fixed(slip.cashOnDelivery() && slip.taxInAmountToCollectYen() != null
						? Long.toString(slip.taxInAmountToCollectYen()) : "")
				.empty(4)
				.fixed(billing.customerCode())
				.fixed(billing.classificationCode())
				.fixed(billing.freightNumber())
				.end(HEADER.size());
		}
		return csv.bytes();
	}

}
