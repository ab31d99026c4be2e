package org.misemori.identity.staff;

import org.misemori.identity.domain.CorrectableProblem;

/** A staff request that the person can correct. */
public class StaffProblem extends CorrectableProblem {

	StaffProblem(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
