package org.misemori.shipping;

/** The eight regions (地方) the admin page groups prefectures by, in the usual north-to-south order. */
public enum Region {

	HOKKAIDO, TOHOKU, KANTO, CHUBU, KINKI, CHUGOKU, SHIKOKU, KYUSHU_OKINAWA;

	/** Message key of the region's name (ja/en). */
	public String messageKey() {
		return "shipping.region." + name();
	}

}
