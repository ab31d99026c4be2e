package org.misemori.identity.passkey;

import java.io.Serial;

import org.misemori.identity.domain.CorrectableProblem;

/** A passkey that could not be registered, with the message key that says why. */
public class PasskeyProblem extends CorrectableProblem {

	@Serial
	private static final long serialVersionUID = 1L;

	PasskeyProblem(String messageKey) {
		super(messageKey);
	}

}
