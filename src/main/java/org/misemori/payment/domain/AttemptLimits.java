package org.misemori.payment.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many card payment attempts are allowed within {@code window} from one client address, by
 * one member and in one shop (issue 6 §5). A shop's ceiling is far above what a small shop
 * sells in half an hour and far below what a card-testing script tries.
 */
@ConfigurationProperties("misemori.payments.attempts")
record AttemptLimits(@DefaultValue("25") int perAddress, @DefaultValue("10") int perMember,
		@DefaultValue("300") int perShop, @DefaultValue("30m") Duration window) {

	AttemptLimits {
		if (perAddress < 1 || perMember < 1 || perShop < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("Payment attempt limits are positive");
		}
	}

}
