package org.misemori.storefront.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.misemori.platform.ShopId;

/**
 * A rendered catalog page as kept: the status, content type and headers the whole filter chain
 * gave it (cookies excepted), and its body cut at each CSRF-token placeholder, so that a
 * response is the parts joined by its own shopper's token.
 */
record CachedPage(ShopId shop, long generation, int status, String contentType, List<Header> headers,
		List<byte[]> parts) {

	record Header(String name, String value) {
	}

	static List<byte[]> split(byte[] body) {
		byte[] placeholder = PageCapture.TOKEN_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
		List<byte[]> parts = new ArrayList<>();
		int start = 0;
		for (int at = indexOf(body, placeholder, 0); at >= 0; at = indexOf(body, placeholder, start)) {
			parts.add(Arrays.copyOfRange(body, start, at));
			start = at + placeholder.length;
		}
		parts.add(Arrays.copyOfRange(body, start, body.length));
		return List.copyOf(parts);
	}

	boolean hasForms() {
		return parts.size() > 1;
	}

	byte[] body(String csrfToken) {
		byte[] token = csrfToken.getBytes(StandardCharsets.US_ASCII);
		int length = parts.stream().mapToInt(part -> part.length).sum() + token.length * (parts.size() - 1);
		byte[] body = new byte[length];
		int at = 0;
		for (int i = 0; i < parts.size(); i++) {
			if (i > 0) {
				System.arraycopy(token, 0, body, at, token.length);
				at += token.length;
			}
			System.arraycopy(parts.get(i), 0, body, at, parts.get(i).length);
			at += parts.get(i).length;
		}
		return body;
	}

	/** Roughly the bytes kept, for the cache's size bound. */
	int weight() {
		return parts.stream().mapToInt(part -> part.length + 16).sum()
				+ headers.stream().mapToInt(header -> header.name().length() + header.value().length() + 32).sum();
	}

	private static int indexOf(byte[] body, byte[] needle, int from) {
		outer: for (int i = from; i <= body.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (body[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
