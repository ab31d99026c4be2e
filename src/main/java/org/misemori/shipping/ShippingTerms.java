package org.misemori.shipping;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of one shop's settings, without the database: the fee for a destination,
 * the COD fee for an amount, the delivery dates and slots a shopper may choose.
 */
final class ShippingTerms {

	private final ShippingSettings settings;

	ShippingTerms(ShippingSettings settings) {
		this.settings = settings;
	}

	ShippingQuote quote(Prefecture destination, long merchandiseTotalYen, boolean cool) {
		if (destination == null) {
			throw new ShippingException("shipping.quote.noDestination");
		}
		if (merchandiseTotalYen < 0) {
			throw new ShippingException("shipping.quote.negativeTotal");
		}
		long surcharge = cool ? settings.coolSurchargeYen() : 0;
		Long threshold = settings.freeShippingFromYen();
		if (threshold != null && merchandiseTotalYen >= threshold) {
			return new ShippingQuote(0, surcharge, true);
		}
		return new ShippingQuote(settings.feeFor(destination), surcharge, false);
	}

	long codFee(long amountToCollectYen) {
		if (amountToCollectYen < 0) {
			throw new ShippingException("shipping.cod.negativeAmount");
		}
		if (settings.codFees().isEmpty()) {
			throw new ShippingException("shipping.cod.unavailable");
		}
		return settings.codFees()
			.stream()
			.filter(tier -> amountToCollectYen <= tier.upToYen())
			.findFirst()
			.map(CodFeeTier::feeYen)
			.orElseThrow(() -> new ShippingException("shipping.cod.overLimit", limit()));
	}

	DeliveryChoices deliveryChoices(LocalDate orderDate) {
		List<LocalDate> dates = orderDate.plusDays(settings.earliestDeliveryDays())
			.datesUntil(orderDate.plusDays(settings.latestDeliveryDays() + 1L))
			.toList();
		return new DeliveryChoices(dates, offeredSlots());
	}

	void checkDelivery(LocalDate orderDate, Optional<LocalDate> date, Optional<DeliverySlot> slot) {
		date.ifPresent(wanted -> {
			LocalDate earliest = orderDate.plusDays(settings.earliestDeliveryDays());
			LocalDate latest = orderDate.plusDays(settings.latestDeliveryDays());
			if (wanted.isBefore(earliest)) {
				throw new ShippingException("shipping.delivery.tooEarly", earliest.toString());
			}
			if (wanted.isAfter(latest)) {
				throw new ShippingException("shipping.delivery.tooLate", latest.toString());
			}
		});
		slot.ifPresent(wanted -> {
			if (!settings.slots().contains(wanted)) {
				throw new ShippingException("shipping.delivery.slotUnavailable", wanted.code());
			}
		});
	}

	/** In the carriers' order, morning first, whatever order the set was built in. */
	private List<DeliverySlot> offeredSlots() {
		return Arrays.stream(DeliverySlot.values()).filter(settings.slots()::contains).toList();
	}

	private long limit() {
		return settings.codFees().get(settings.codFees().size() - 1).upToYen();
	}

}
