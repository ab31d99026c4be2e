package org.misemori.identity;

import org.misemori.platform.ShopId;

/**
 * A member's address book, for the pages that serve the member themselves (their my page,
 * checkout). Only the member's own entries exist for a given member id: another member's
 * address id is "not found". Every personal value is sealed at rest; {@link #of} opens them
 * on the record of personal-data reads, with the caller's purpose. Call as the shop's tenant.
 */
public interface MemberAddresses {

	/** How many addresses a member may save besides their own. */
	int MAX_SAVED = 10;

	/** The member's own details and saved addresses, read on record; an unknown member has an empty book. */
	AddressBook of(ShopId shop, long memberId, String purpose);

	/** Saves a new address as typed; its id. @throws AddressRejected naming each field to put right */
	long add(ShopId shop, long memberId, DeliveryAddress typed);

	/** Replaces one of the member's saved addresses; false if they have none with that id. */
	boolean change(ShopId shop, long memberId, long addressId, DeliveryAddress typed);

	/** Removes one of the member's saved addresses; false if they have none with that id. */
	boolean remove(ShopId shop, long memberId, long addressId);

	/**
	 * Replaces the name, kana, phone and address of the member's own profile (birth date, gender
	 * and occupation stay as they are). @throws AddressRejected naming each field to put right
	 */
	void changeOwn(ShopId shop, long memberId, DeliveryAddress typed);

}
