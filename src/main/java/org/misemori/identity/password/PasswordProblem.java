package org.misemori.identity.password;

import java.util.List;

/**
 * Why a password was refused: the broken rule and the numbers its message needs (the minimum or
 * maximum length), ready for {@code MessageSource.getMessage(messageKey(), messageArguments(), locale)}.
 */
public record PasswordProblem(PasswordRule rule, List<Integer> arguments) {

	public PasswordProblem {
		arguments = List.copyOf(arguments);
	}

	static PasswordProblem tooShort(int minLength) {
		return new PasswordProblem(PasswordRule.TOO_SHORT, List.of(minLength));
	}

	static PasswordProblem tooLong(int maxLength) {
		return new PasswordProblem(PasswordRule.TOO_LONG, List.of(maxLength));
	}

	static PasswordProblem of(PasswordRule rule) {
		return new PasswordProblem(rule, List.of());
	}

	public String messageKey() {
		return rule.messageKey();
	}

	public Object[] messageArguments() {
		return arguments.toArray();
	}

}
