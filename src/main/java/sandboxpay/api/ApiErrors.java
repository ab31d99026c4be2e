package sandboxpay.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import sandboxpay.payments.InvalidState;
import sandboxpay.payments.UnknownPayment;

/** The API's errors, always JSON with an {@code error} code a merchant can switch on. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> badRequest(BadRequest ex) {
		return answer(HttpStatus.BAD_REQUEST, "invalid_request", "field", ex.field(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> invalidState(InvalidState ex) {
		return answer(HttpStatus.CONFLICT, "invalid_state", "status", ex.status().name(),
				"not allowed while the payment is " + ex.status());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> conflict(Idempotency.Conflict ex) {
		return answer(HttpStatus.CONFLICT, "idempotency_conflict", "field", "Idempotency-Key", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unknown(UnknownPayment ex) {
		return answer(HttpStatus.NOT_FOUND, "not_found", "field", "id", "no such payment");
	}

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<Map<String, Object>> wrongRequest(Exception ex) {
		return answer(HttpStatus.BAD_REQUEST, "invalid_request", "field", "request", "unsupported method or type");
	}

	private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String error, String key,
			String value, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put(key, value);
		body.put("message", message);
		return ResponseEntity.status(status).body(body);
	}

}
