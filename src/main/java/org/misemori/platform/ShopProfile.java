package org.misemori.platform;

/**
 * What a shop shows of itself: its tagline and description, and the facts its
 * 特定商取引法に基づく表記 (Specified Commercial Transactions Act) page must state.
 */
public record ShopProfile(String tagline, String description, String sellerName, String representative,
		String address, String phone, String email, String businessHours, String priceNote, String extraFees,
		String paymentMethods, String deliveryTime, String returnsPolicy) {

	public static ShopProfile empty() {
		return new ShopProfile("", "", "", "", "", "", "", "", "", "", "", "", "");
	}

}
