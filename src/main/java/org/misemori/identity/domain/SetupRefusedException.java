package org.misemori.identity.domain;

/** The operator setup form was refused; the message says why, in the visitor's language. */
public class SetupRefusedException extends CorrectableProblem {

	SetupRefusedException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
