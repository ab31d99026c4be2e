package org.misemori.shipping;

import java.time.LocalDate;

/**
 * What one delivery slip says: the recipient, what is sent, when, and what the driver collects.
 * @param recipientBuilding the apartment or building name, may be empty
 * @param deliveryDate null: no date asked for
 * @param slot null: no time slot asked for
 * @param amountToCollectYen the whole amount the driver collects (goods, shipping and COD fee) when
 * {@code cashOnDelivery}; otherwise 0
 * @param taxInAmountToCollectYen the consumption tax within that amount (B2's コレクト内消費税額等, Sagawa's
 * 消費税), null when unknown: the column is then left empty
 */
public record ShipmentSlip(String orderNumber, String recipientName, String recipientPhone,
		String recipientPostalCode, Prefecture prefecture, String recipientAddressLine, String recipientBuilding,
		LocalDate deliveryDate, DeliverySlot slot, String itemName, boolean cashOnDelivery, long amountToCollectYen,
		boolean cool, String shipperName, String shipperPhone, String shipperPostalCode, String shipperAddress,
		Long taxInAmountToCollectYen) {

	public ShipmentSlip {
		if (orderNumber == null || orderNumber.isBlank()) {
			throw new ShippingException("shipping.slip.noOrderNumber");
		}
		required(orderNumber, "recipientName", recipientName);
		required(orderNumber, "recipientPhone", recipientPhone);
		required(orderNumber, "recipientPostalCode", recipientPostalCode);
		required(orderNumber, "recipientAddressLine", recipientAddressLine);
		required(orderNumber, "itemName", itemName);
		required(orderNumber, "shipperName", shipperName);
		required(orderNumber, "shipperPhone", shipperPhone);
		required(orderNumber, "shipperPostalCode", shipperPostalCode);
		required(orderNumber, "shipperAddress", shipperAddress);
		if (prefecture == null) {
			throw new ShippingException("shipping.slip.missing", orderNumber, "prefecture");
		}
		recipientBuilding = recipientBuilding == null ? "" : recipientBuilding;
		if (cashOnDelivery ? amountToCollectYen < 1 : amountToCollectYen != 0) {
			throw new ShippingException("shipping.slip.amountToCollect", orderNumber);
		}
		if (taxInAmountToCollectYen != null && (taxInAmountToCollectYen < 0 || taxInAmountToCollectYen > amountToCollectYen)) {
			throw new ShippingException("shipping.slip.amountToCollect", orderNumber);
		}
	}

	/** A slip whose COD tax is not known (the tax column stays empty). */
	public ShipmentSlip(String orderNumber, String recipientName, String recipientPhone, String recipientPostalCode,
			Prefecture prefecture, String recipientAddressLine, String recipientBuilding, LocalDate deliveryDate,
			DeliverySlot slot, String itemName, boolean cashOnDelivery, long amountToCollectYen, boolean cool,
			String shipperName, String shipperPhone, String shipperPostalCode, String shipperAddress) {
		this(orderNumber, recipientName, recipientPhone, recipientPostalCode, prefecture, recipientAddressLine,
				recipientBuilding, deliveryDate, slot, itemName, cashOnDelivery, amountToCollectYen, cool, shipperName,
				shipperPhone, shipperPostalCode, shipperAddress, null);
	}

	private static void required(String orderNumber, String field, String value) {
		if (value == null || value.isBlank()) {
			throw new ShippingException("shipping.slip.missing", orderNumber, field);
		}
	}

}
