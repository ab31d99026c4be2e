package org.misemori.shipping;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Sagawa e-飛伝Ⅲ's 「標準_飛脚宅配便_CSV_ヘッダ有り」 layout, 74 columns. Followed: the column list
 * used by e-飛伝Ⅲ exporters (furumaru's sagawa exporter, which cites raku-uru's ehiden3 manual;
 * the same 74 columns appear in several e-飛伝Ⅱ/Ⅲ converters), with codes: クール便指定 001 normal /
 * 002 飛脚クール便（冷蔵）, 配達指定時間帯 01 午前中 … 19 19〜21時. Each address column holds 16
 * full-width characters (32 bytes), so the address is cut into お届け先住所１–３ at character
 * boundaries, the building name starting a column of its own. Unsure: the date format (YYYYMMDD
 * taken), 元着区分 "1" for 元払い, and whether a COD slip also needs 決済種別 or an eコレクト
 * 指定シール (left empty: e-飛伝Ⅲ asks when importing).
 */
final class SagawaEHidenLayout {

	static final List<String> HEADER = Stream.of(
			Stream.of("お届け先コード取得区分", "お届け先コード", "お届け先電話番号", "お届け先郵便番号", "お届け先住所１", "お届け先住所２",
					"お届け先住所３", "お届け先名称１", "お届け先名称２", "お客様管理番号", "お客様コード", "部署ご担当者コード取得区分",
					"部署ご担当者コード", "部署ご担当者名称", "荷送人電話番号", "ご依頼主コード取得区分", "ご依頼主コード", "ご依頼主電話番号",
					"ご依頼主郵便番号", "ご依頼主住所１", "ご依頼主住所２", "ご依頼主名称１", "ご依頼主名称２", "荷姿"),
			numbered("品名", 5), Stream.of("荷札荷姿"), numbered("荷札品名", 11),
			Stream.of("出荷個数", "スピード指定", "クール便指定", "配達日", "配達指定時間帯", "配達指定時間（時分）", "代引金額", "消費税",
					"決済種別", "保険金額"),
			numbered("指定シール", 3),
			Stream.of("営業所受取", "SRC区分", "営業所受取営業所コード", "元着区分", "メールアドレス", "ご不在時連絡先", "出荷日",
					"お問い合せ送り状No.", "出荷場印字区分", "集約解除指定"),
			IntStream.rangeClosed(1, 10).mapToObj(n -> "編集" + fullWidth(String.format("%02d", n))))
		.flatMap(s -> s)
		.toList();

	private static final int COLUMN_BYTES = 32;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private SagawaEHidenLayout() {
	}

	static byte[] write(List<ShipmentSlip> slips, LocalDate shippingDate) {
		SlipCsv csv = new SlipCsv(HEADER);
		for (ShipmentSlip slip : slips) {
			String order = slip.orderNumber();
			List<String> address = cut(slip.prefecture().japaneseName() + slip.recipientAddressLine());
			address.addAll(cut(slip.recipientBuilding()));
			List<String> shipperAddress = cut(slip.shipperAddress());
			if (address.size() > 3) {
				throw new ShippingException("shipping.slip.tooLong", order, "お届け先住所", 48, 96);
			}
			if (shipperAddress.size() > 2) {
				throw new ShippingException("shipping.slip.tooLong", order, "ご依頼主住所", 32, 64);
			}
			SlipCsv.Row row = csv.row(order)
				.empty(2)
				.text("お届け先電話番号", DeliverySlips.phone(order, "お届け先電話番号", slip.recipientPhone()), 14)
				.fixed(DeliverySlips.postalCode(order, "お届け先郵便番号", slip.recipientPostalCode()));
			for (int i = 0; i < 3; i++) {
				row.text("お届け先住所" + fullWidth(Integer.toString(i + 1)), i < address.size() ? address.get(i) : "",
						COLUMN_BYTES);
			}
			row.text("お届け先名称１", slip.recipientName(), COLUMN_BYTES)
				.empty(1)
				.text("お客様管理番号", order, 16)
				.empty(7)
				.text("ご依頼主電話番号", DeliverySlips.phone(order, "ご依頼主電話番号", slip.shipperPhone()), 14)
				.fixed(DeliverySlips.postalCode(order, "ご依頼主郵便番号", slip.shipperPostalCode()))
				.text("ご依頼主住所１", shipperAddress.get(0), COLUMN_BYTES)
				.text("ご依頼主住所２", shipperAddress.size() > 1 ? shipperAddress.get(1) : "", COLUMN_BYTES)
				.text("ご依頼主名称１", slip.shipperName(), COLUMN_BYTES)
				.empty(2)
				.text("品名１", slip.itemName(), COLUMN_BYTES)
				.empty(16)
				.fixed("1")
				.empty(1)
				.fixed(slip.cool() ? "002" : "001")
				.fixed(slip.deliveryDate() == null ? "" : slip.deliveryDate().format(DATE))
				.fixed(slip.slot() == null ? "" : slip.slot().sagawaCode())
				.empty(1)
				.fixed(slip.cashOnDelivery() ? Long.toString(slip.amountToCollectYen()) : "")
				.fixed(slip.cashOnDelivery() && slip.taxInAmountToCollectYen() != null
						? Long.toString(slip.taxInAmountToCollectYen()) : "")
				.empty(8)
				.fixed("1")
				.empty(2)
				.fixed(shippingDate.format(DATE))
				.empty(13)
				.end(HEADER.size());
		}
		return csv.bytes();
	}

	/** {@code text} in pieces of at most one address column, never splitting a character. */
	private static List<String> cut(String text) {
		List<String> pieces = new ArrayList<>();
		StringBuilder piece = new StringBuilder();
		text.strip().codePoints().forEach(codePoint -> {
			String next = piece + new String(Character.toChars(codePoint));
			if (next.getBytes(WINDOWS_31J).length > COLUMN_BYTES) {
				pieces.add(piece.toString());
				piece.setLength(0);
			}
			piece.appendCodePoint(codePoint);
		});
		if (!piece.isEmpty()) {
			pieces.add(piece.toString());
		}
		return pieces;
	}

	private static Stream<String> numbered(String name, int count) {
		return IntStream.rangeClosed(1, count).mapToObj(n -> name + fullWidth(Integer.toString(n)));
	}

	private static String fullWidth(String digits) {
		return digits.chars()
			.mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
			.reduce("", String::concat);
	}

}
