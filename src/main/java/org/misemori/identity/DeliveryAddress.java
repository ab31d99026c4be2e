package org.misemori.identity;

/**
 * One entry of a member's address book: where a parcel goes and who takes it. {@code prefecture}
 * is its Japanese name (東京都), {@code kana} only on the member's own entry, {@code building}
 * empty when there is none. Values read back are normalised (half-width digits, katakana kana,
 * postal code as 100-0001, phone as digits); values given to {@link MemberAddresses} may be
 * anything typed and are checked there.
 */
public record DeliveryAddress(long id, String name, String kana, String phone, String postalCode, String prefecture,
		String address, String building) {

	/** The id of the member's own address, the one on their profile. */
	public static final long OWN = 0;

	public boolean own() {
		return id == OWN;
	}

}
