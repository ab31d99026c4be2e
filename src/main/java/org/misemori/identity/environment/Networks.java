package org.misemori.identity.environment;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network a client address belongs to: its IPv4 /24 or IPv6 /48, roughly "the same office
 * or home line", so that a new address from the same provider's pool is not a new environment
 * while a sign-in from another line is. Only literals are parsed: {@link InetAddress#getByName}
 * is called only on text that it reads as a literal (digits and dots in four parts, or
 * anything with a colon), never on a name it would look up in the DNS.
 */
final class Networks {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

	private Networks() {
	}

	static String of(String address) {
		String literal = address == null ? "" : address.strip();
		if (!IPV4.matcher(literal).matches() && !(literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches())) {
			return "unknown";
		}
		try {
			InetAddress parsed = InetAddress.getByName(literal);
			byte[] bytes = parsed.getAddress();
			if (parsed instanceof Inet4Address) {
				return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
			}
			if (parsed instanceof Inet6Address) {
				return String.format("%02x%02x:%02x%02x:%02x%02x::/48", bytes[0], bytes[1], bytes[2], bytes[3], bytes[4],
						bytes[5]);
			}
			return "unknown";
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

}
