package sandboxpay.cards;

/** The card brand from the number's leading digits (issuer identification number ranges). */
final class Brands {

	private Brands() {
	}

	static String of(String number) {
		int two = Integer.parseInt(number.substring(0, 2));
		int four = Integer.parseInt(number.substring(0, 4));
		if (number.startsWith("4")) {
			return "VISA";
		}
		if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
			return "MASTERCARD";
		}
		if (four >= 3528 && four <= 3589) {
			return "JCB";
		}
		if (two == 34 || two == 37) {
			return "AMEX";
		}
		if (two == 36 || two == 38 || two == 39 || (four >= 3000 && four <= 3059)) {
			return "DINERS";
		}
		return "OTHER";
	}

}
