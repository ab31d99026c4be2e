package org.misemori.identity.campaign;

import org.misemori.identity.domain.CorrectableProblem;

/** A campaign request the person can put right; nothing was created or sent. */
public class CampaignProblem extends CorrectableProblem {

	public CampaignProblem(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
