package org.misemori.storefront.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.misemori.ordering.OrderDetails;

/** A member's own order as their theme may show it: plain data, amounts written as shoppers read them. */
final class MemberOrderView {

	private MemberOrderView() {
	}

	static Map<String, Object> of(OrderDetails order, Function<String, String> messages) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("number", order.id().number());
		view.put("status", messages.apply(order.status().messageKey()));
		view.put("payment", messages.apply(order.payment().messageKey()));
		view.put("lines", order.lines().stream()
			.map(line -> Map.<String, Object>of("name", line.productTitle(), "variant_name", line.variantName(), "quantity",
					line.quantity(), "amount_label", ShopperView.yen(line.amount()), "reduced", line.reduced()))
			.toList());
		view.put("shipping_label", ShopperView.yen(order.shippingFee()));
		view.put("cod_fee_label", order.codFee() > 0 ? ShopperView.yen(order.codFee()) : "");
		view.put("discount_label", order.couponDiscount() > 0 ? "-" + ShopperView.yen(order.couponDiscount()) : "");
		view.put("points_used", order.pointsUsed());
		view.put("points_earned", order.pointsEarned());
		view.put("total_label", ShopperView.yen(order.total()));
		view.put("rates", order.rates().stream()
			.map(rate -> Map.<String, Object>of("percent", rate.rate().percent(), "total_label", ShopperView.yen(rate.total()),
					"tax_label", ShopperView.yen(rate.tax())))
			.toList());
		view.put("registration_number", order.registrationNumber().orElse(""));
		view.put("tracking_number", order.trackingNumber().orElse(""));
		view.put("tracking_url", order.carrier().map(c -> c.trackingUrl(order.trackingNumber().orElse(""))).orElse(""));
		view.put("recipient", order.recipient().name());
		view.put("address", "〒" + order.recipient().postalCode() + " " + order.recipient().prefecture()
				+ order.recipient().address() + " " + order.recipient().building());
		return view;
	}

}
