package org.misemori.identity;

import java.util.List;
import java.util.Optional;

/**
 * A member's own details (sign-in address and profile address) and their saved delivery
 * addresses, oldest first. {@code own} has empty fields where the profile has none.
 */
public record AddressBook(String email, DeliveryAddress own, List<DeliveryAddress> saved) {

	public AddressBook {
		saved = List.copyOf(saved);
	}

	/** One of the saved addresses; the own one has {@link DeliveryAddress#OWN} and is not among them. */
	public Optional<DeliveryAddress> saved(long id) {
		return saved.stream().filter(address -> address.id() == id).findFirst();
	}

}
