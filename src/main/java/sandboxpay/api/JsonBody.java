package sandboxpay.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Reads request bodies field by field, so each mistake gets a 400 that names its field. */
final class JsonBody {

	static final int MAX_BODY = 16 * 1024;

	private final JsonNode root;

	private JsonBody(JsonNode root) {
		this.root = root;
	}

	static JsonBody parse(JsonMapper json, String body) {
		if (body == null || body.isBlank()) {
			return new JsonBody(MissingNode.getInstance());
		}
		if (body.length() > MAX_BODY) {
			throw new BadRequest("body", "the body is larger than " + MAX_BODY + " characters");
		}
		try {
			JsonNode root = json.readTree(body);
			if (!root.isObject()) {
				throw new BadRequest("body", "the body must be a JSON object");
			}
			return new JsonBody(root);
		}
		catch (JacksonException ex) {
			throw new BadRequest("body", "the body is not valid JSON");
		}
	}

	JsonBody object(String field) {
		JsonNode node = root.path(field);
		if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
			throw new BadRequest(field, field + " must be an object");
		}
		return new JsonBody(node.isObject() ? node : MissingNode.getInstance());
	}

	boolean present() {
		return root.isObject();
	}

	/** Null when absent; otherwise a string of at most {@code max} characters. */
	String text(String field, int max) {
		JsonNode node = root.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw new BadRequest(field, field + " must be a string");
		}
		String value = node.stringValue().strip();
		if (value.length() > max) {
			throw new BadRequest(field, field + " is longer than " + max + " characters");
		}
		return value.isEmpty() ? null : value;
	}

	String requiredText(String field, int max) {
		String value = text(field, max);
		if (value == null) {
			throw new BadRequest(field, field + " is required");
		}
		return value;
	}

	/** Null when absent; otherwise a whole number from {@code min} to {@code max}. */
	Long amount(String field, long min, long max) {
		JsonNode node = root.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
			throw new BadRequest(field, field + " must be a whole number of yen from " + min + " to " + max);
		}
		return node.longValue();
	}

	boolean flag(String field) {
		JsonNode node = root.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return false;
		}
		if (!node.isBoolean()) {
			throw new BadRequest(field, field + " must be true or false");
		}
		return node.booleanValue();
	}

	<E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
		String value = text(field, 32);
		if (value == null) {
			if (fallback == null) {
				throw new BadRequest(field, field + " is required");
			}
			return fallback;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		throw new BadRequest(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
	}

}
