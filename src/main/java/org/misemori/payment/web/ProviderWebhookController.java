package org.misemori.payment.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.misemori.payment.domain.ProviderWebhooks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where providers report payments. The body is taken as raw bytes, because the signature covers
 * exactly those bytes; a duplicate answers 200 like the first (the provider must stop sending),
 * a payment not known yet answers 409 (the provider tries again later), a bad signature 400.
 */
@RestController
class ProviderWebhookController {

	/** Bigger than any payment event; a body beyond it is not read into memory. */
	static final int MAX_BODY = 64 * 1024;

	private final ProviderWebhooks webhooks;

	ProviderWebhookController(ProviderWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping(path = "/payments/webhooks/{provider}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> receive(@PathVariable String provider, @RequestHeader HttpHeaders headers,
			@RequestBody(required = false) byte[] body) {
		if (body == null || body.length == 0 || body.length > MAX_BODY) {
			return answer(HttpStatus.BAD_REQUEST, "refused");
		}
		ProviderWebhooks.Receipt receipt = webhooks.receive(provider, lowerCase(headers), body);
		return switch (receipt) {
			case APPLIED, STALE, DUPLICATE -> answer(HttpStatus.OK, receipt.name().toLowerCase(Locale.ROOT));
			case UNKNOWN_PAYMENT -> answer(HttpStatus.CONFLICT, "unknown_payment");
			case REFUSED -> answer(HttpStatus.BAD_REQUEST, "refused");
		};
	}

	private static Map<String, String> lowerCase(HttpHeaders headers) {
		Map<String, String> names = new HashMap<>();
		headers.forEach((name, values) -> names.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		return names;
	}

	private static ResponseEntity<String> answer(HttpStatus status, String result) {
		return ResponseEntity.status(status).body("{\"result\":\"" + result + "\"}");
	}

}
