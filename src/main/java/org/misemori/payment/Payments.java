package org.misemori.payment;

import java.util.Optional;

/**
 * The payments of the current shop ({@code platform.TenantContext}), for checkout and staff.
 * Opening talks to the provider outside any transaction; {@link #attach} then records the
 * payment with the order, in the transaction that places it.
 */
public interface Payments {

	/** Whether the shopper may choose {@code kind} now: a provider offers it. */
	boolean offers(PaymentKind kind);

	/** The origin of the provider's pages, when there is a provider. */
	Optional<String> providerOrigin();

	/**
	 * Opens the payment at the provider, its card on the shop's {@link #cardPage()}. Writes nothing here.
	 * @throws PaymentUnavailable if the provider cannot be reached: offer the other methods
	 */
	OpenedPayment open(PaymentOpening opening);

	/** How the current shop takes cards. */
	CardPage cardPage();

	void changeCardPage(CardPage page, String actor);

	/** The provider's card fields to frame for the order's payment, while it waits for the card. */
	Optional<java.net.URI> cardFields(long orderId);

	/** Records an opened payment as the order's, in the caller's transaction. */
	void attach(OpenedPayment opened, long orderId);

	Optional<OrderPayment> ofOrder(long orderId);

	/**
	 * Asks the provider how the order's payment stands and records what is new, as a webhook
	 * would: for the shopper's return page, and for payments whose webhook never came.
	 */
	Optional<OrderPayment> refresh(long orderId);

	/** Takes the authorized money (on shipping). */
	OrderPayment capture(long orderId, String actor);

	/** Voids an authorization or an unpaid konbini slip (the order is cancelled before shipping). */
	OrderPayment cancel(long orderId, String actor);

	/** Gives back {@code amount} yen of captured money. */
	OrderPayment refund(long orderId, long amount, String actor);

}
