package org.misemori.identity.lockout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The part of a client address that one attacker controls. An IPv4 address as it is; an IPv6
 * address by its /64 prefix, because whoever has one address of a /64 usually has all 2^64 of
 * them and could otherwise start a fresh budget with every attempt. Parsed by hand on purpose:
 * {@code InetAddress.getByName} would look up anything that is not a literal in the DNS, and a
 * forwarded address is whatever the client wrote.
 */
final class ClientAddresses {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-f:.]+");

	private static final Pattern GROUP = Pattern.compile("[0-9a-f]{1,4}");

	private static final int KEPT_LENGTH = 64;

	private ClientAddresses() {
	}

	static String normalised(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		String literal = address.strip().toLowerCase(Locale.ROOT);
		int zone = literal.indexOf('%');
		literal = zone >= 0 ? literal.substring(0, zone) : literal;
		if (literal.startsWith("::ffff:") && IPV4.matcher(literal.substring(7)).matches()) {
			return literal.substring(7);
		}
		if (literal.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(literal).matches()) {
			String prefix = ipv6Prefix(literal);
			if (prefix != null) {
				return prefix;
			}
		}
		return literal.length() <= KEPT_LENGTH ? literal : literal.substring(0, KEPT_LENGTH);
	}

	/** The first four groups of the fully expanded address, or {@code null} if it is not one. */
	private static String ipv6Prefix(String literal) {
		String[] halves = literal.split("::", -1);
		if (halves.length > 2) {
			return null;
		}
		List<String> head = groups(halves[0]);
		List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
		int zeros = 8 - head.size() - tail.size();
		if (zeros < 0 || (halves.length == 1 && zeros != 0)) {
			return null;
		}
		List<String> all = new ArrayList<>(head);
		all.addAll(Collections.nCopies(zeros, "0"));
		all.addAll(tail);
		StringBuilder prefix = new StringBuilder();
		for (String group : all.subList(0, 4)) {
			if (!GROUP.matcher(group).matches()) {
				return null;
			}
			prefix.append(Integer.toHexString(Integer.parseInt(group, 16))).append(':');
		}
		return prefix.append(":/64").toString();
	}

	/** Colon-separated groups; an embedded IPv4 address at the end stands for two. */
	private static List<String> groups(String part) {
		List<String> groups = new ArrayList<>();
		if (part.isEmpty()) {
			return groups;
		}
		for (String group : part.split(":", -1)) {
			if (IPV4.matcher(group).matches()) {
				groups.add("v4");
				groups.add("v4");
			}
			else {
				groups.add(group);
			}
		}
		return groups;
	}

}
