package org.misemori.ordering.domain;

/** The longer statements on orders, as constants, read as SQL. */
final class OrderSql {

	static final String INSERT = """
			INSERT INTO ordering.shop_order (shop_id, id, checkout_key_hash, member_id, status, payment_method, placed_at,
			    locale, goods_subtotal, coupon_code, coupon_discount, points_used, points_earned, shipping_fee, cod_fee,
			    total, standard_total, standard_tax, reduced_total, reduced_tax, rounding, registration_number,
			    delivery_date, delivery_slot, updated_at, buyer_email_index, buyer_name_sealed, buyer_kana_sealed,
			    buyer_email_sealed, buyer_phone_sealed, recipient_name_sealed, recipient_phone_sealed,
			    postal_code_sealed, prefecture_sealed, address_sealed, building_sealed, note_sealed)
			VALUES (:shop, :id, :key, :member, 'RECEIVED', :payment, :placed, :locale, :goods, :coupon, :discount,
			    :pointsUsed, :pointsEarned, :shipping, :cod, :total, :standardTotal, :standardTax, :reducedTotal,
			    :reducedTax, :rounding, :registration, :deliveryDate, :slot, :placed, :emailIndex, :buyer_name,
			    :buyer_kana, :buyer_email, :buyer_phone, :recipient_name, :recipient_phone, :postal_code, :prefecture,
			    :address, :building, :note)
			ON CONFLICT (shop_id, checkout_key_hash) DO NOTHING""";

	static final String INSERT_LINE = """
			INSERT INTO ordering.order_line (shop_id, order_id, line_no, product_id, variant_id, product_title,
			    variant_name, unit_price, quantity, reduced_rate)
			VALUES (:shop, :order, :no, :product, :variant, :title, :variantName, :price, :quantity, :reduced)""";

	static final String COLUMNS = """
			id, member_id, status, payment_method, placed_at, locale, goods_subtotal, coupon_code, coupon_discount,
			points_used, points_earned, shipping_fee, cod_fee, total, standard_total, standard_tax, reduced_total,
			reduced_tax, registration_number, delivery_date, delivery_slot, carrier, tracking_number, shipped_at,
			buyer_name_sealed, buyer_kana_sealed, buyer_email_sealed, buyer_phone_sealed, recipient_name_sealed,
			recipient_phone_sealed, postal_code_sealed, prefecture_sealed, address_sealed, building_sealed, note_sealed""";

	static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM ordering.shop_order WHERE id = :id";

	private OrderSql() {
	}

}
