package org.misemori.payment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys a card payment attempt is counted under. An IPv6 address counts by its /64 prefix:
 * whoever has one address of a /64 usually has all of them, and would otherwise start a fresh
 * budget with every attempt. Parsed by hand, never looked up (the address is the client's word
 * when it was forwarded).
 */
final class AttemptKeys {

	private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-f]{1,4}");

	private AttemptKeys() {
	}

	static String address(String clientAddress) {
		String literal = clientAddress == null ? "" : clientAddress.strip().toLowerCase(Locale.ROOT);
		int zone = literal.indexOf('%');
		literal = zone >= 0 ? literal.substring(0, zone) : literal;
		if (literal.isEmpty()) {
			return "address:unknown";
		}
		if (literal.startsWith("::ffff:") && literal.indexOf('.') > 0) {
			literal = literal.substring(7);
		}
		String prefix = literal.indexOf(':') >= 0 ? ipv6Prefix(literal) : null;
		String kept = prefix != null ? prefix : literal;
		return "address:" + (kept.length() <= 64 ? kept : kept.substring(0, 64));
	}

	static String member(String customerReference) {
		String reference = customerReference.strip();
		return "member:" + (reference.length() <= 100 ? reference : reference.substring(0, 100));
	}

	static String shop(long shopId) {
		return "shop:" + shopId;
	}

	/** The first four groups of the expanded address, or {@code null} if it is not one. */
	private static String ipv6Prefix(String literal) {
		String[] halves = literal.split("::", -1);
		if (halves.length > 2) {
			return null;
		}
		List<String> head = groups(halves[0]);
		List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
		int missing = 8 - head.size() - tail.size();
		if (missing < 0 || (halves.length == 1 && missing != 0)) {
			return null;
		}
		List<String> all = new ArrayList<>(head);
		for (int i = 0; i < missing; i++) {
			all.add("0");
		}
		all.addAll(tail);
		StringBuilder prefix = new StringBuilder();
		for (String group : all.subList(0, 4)) {
			if (!HEX_GROUP.matcher(group).matches()) {
				return null;
			}
			prefix.append(Integer.toHexString(Integer.parseInt(group, 16))).append(':');
		}
		return prefix.append(":/64").toString();
	}

	/** Colon-separated groups; an IPv4 address written at the end stands for two. */
	private static List<String> groups(String part) {
		List<String> groups = new ArrayList<>();
		if (part.isEmpty()) {
			return groups;
		}
		for (String group : part.split(":", -1)) {
			groups.add(group);
			if (group.indexOf('.') >= 0) {
				groups.add("0");
			}
		}
		return groups;
	}

}
