package org.misemori.ordering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misemori.ordering.OrderStatus.CANCELLED;
import static org.misemori.ordering.OrderStatus.DELIVERED;
import static org.misemori.ordering.OrderStatus.PAID;
import static org.misemori.ordering.OrderStatus.PREPARING;
import static org.misemori.ordering.OrderStatus.RECEIVED;
import static org.misemori.ordering.OrderStatus.RETURNED;
import static org.misemori.ordering.OrderStatus.SHIPPED;
import static org.misemori.ordering.PaymentMethod.BANK_TRANSFER;
import static org.misemori.ordering.PaymentMethod.CASH_ON_DELIVERY;

/** Which step may follow which: the whole table, both payment methods. */
class OrderStatusUnitTest {

	@Test
	void aBankTransferIsPaidBeforeItIsPrepared() {
		assertThat(RECEIVED.next(BANK_TRANSFER)).containsExactlyInAnyOrder(PAID, CANCELLED);
		assertThat(RECEIVED.canBecome(PREPARING, BANK_TRANSFER)).isFalse();
		assertThat(PAID.next(BANK_TRANSFER)).containsExactlyInAnyOrder(PREPARING, CANCELLED);
	}

	@Test
	void cashOnDeliveryIsPaidAtTheDoorSoItGoesStraightToPreparing() {
		assertThat(RECEIVED.next(CASH_ON_DELIVERY)).containsExactlyInAnyOrder(PREPARING, CANCELLED);
		assertThat(RECEIVED.canBecome(PAID, CASH_ON_DELIVERY)).isFalse();
	}

	@Test
	void aParcelThatLeftCanOnlyBeDeliveredOrReturnedAndTheEndsAreEnds() {
		for (PaymentMethod payment : PaymentMethod.values()) {
			assertThat(PREPARING.next(payment)).containsExactlyInAnyOrder(SHIPPED, CANCELLED);
			assertThat(SHIPPED.next(payment)).containsExactlyInAnyOrder(DELIVERED, RETURNED);
			assertThat(DELIVERED.next(payment)).containsExactly(RETURNED);
			assertThat(CANCELLED.next(payment)).isEmpty();
			assertThat(RETURNED.next(payment)).isEmpty();
			for (OrderStatus status : OrderStatus.values()) {
				assertThat(status.canBecome(RECEIVED, payment)).as("nothing goes back to received").isFalse();
				assertThat(status.canBecome(status, payment)).as("no step to itself").isFalse();
			}
		}
	}

	@Test
	void orderNumbersAreReadAsPeopleWriteThem() {
		assertThat(OrderId.parse("00000042")).contains(new OrderId(42));
		assertThat(OrderId.parse("#42")).contains(new OrderId(42));
		assertThat(OrderId.parse("４２")).contains(new OrderId(42));
		assertThat(OrderId.parse("0")).isEmpty();
		assertThat(OrderId.parse("42; DROP TABLE")).isEmpty();
		assertThat(new OrderId(42).number()).isEqualTo("00000042");
	}

}
