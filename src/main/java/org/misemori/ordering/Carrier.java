package org.misemori.ordering;

/** Who carries a parcel, for the shipping mail's tracking link and the delivery-slip CSV. */
public enum Carrier {

	YAMATO("https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01="),
	SAGAWA("https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo="),
	JAPAN_POST("https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1="),
	OTHER("");

	private final String trackingPage;

	Carrier(String trackingPage) {
		this.trackingPage = trackingPage;
	}

	/** The carrier's public tracking page for a number, or empty when there is none we know. */
	public String trackingUrl(String trackingNumber) {
		return trackingPage.isEmpty() ? "" : trackingPage + trackingNumber;
	}

	public String messageKey() {
		return "ordering.carrier." + name();
	}

}
