package org.misemori.identity.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.misemori.identity.campaign.CampaignProblem;
import org.misemori.identity.campaign.CampaignRequest;

import org.springframework.ui.Model;

/** The campaign form's fields, as typed: shown again beside a refusal, so nothing is retyped. */
record CampaignForm(String selection, String accounts, String deadline, String shops) {

	CampaignRequest request(Clock clock) {
		return CampaignRequest.of(selection, accounts, deadline, clock);
	}

	List<String> shopCodes() {
		String text = shops == null ? "" : shops;
		if (text.length() > 10_000) {
			throw new CampaignProblem("campaign.error.list-too-long", 10_000);
		}
		return Arrays.stream(text.split("[\\s,]+")).filter(code -> !code.isEmpty()).toList();
	}

	void show(Model model) {
		model.addAttribute("selection", selection == null ? "ALL" : selection);
		model.addAttribute("accounts", accounts == null || accounts.length() > 20_000 ? "" : accounts);
		model.addAttribute("deadline", deadline == null || deadline.length() > 40 ? "" : deadline);
		model.addAttribute("shops", shops == null || shops.length() > 10_000 ? "" : shops);
	}

	static void refuse(Model model, CampaignProblem problem) {
		model.addAttribute("errorKey", problem.messageKey());
		model.addAttribute("errorArguments", problem.arguments());
	}

}
