package org.misemori.identity.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.campaign.CampaignProblem;
import org.misemori.identity.campaign.CampaignProgress;
import org.misemori.identity.campaign.PlatformCampaigns;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An operator's forced reset campaigns: operators, staff and members of any shops (the shops
 * named, or all). After a leak this is the one decision that replaces a hand-run reset.
 */
@Controller
class OperatorCampaignController {

	private static final String PAGE = "/operator/campaigns";

	private final PlatformCampaigns campaigns;

	private final SecondFactorRaise raise;

	private final Clock clock;

	OperatorCampaignController(PlatformCampaigns campaigns, SecondFactorRaise raise, Clock clock) {
		this.campaigns = campaigns;
		this.raise = raise;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		new CampaignForm("ALL", "", "", "").show(model);
		return show(model);
	}

	@PostMapping(PAGE)
	String start(@ModelAttribute CampaignForm form, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/operator/2fa?stepup";
		}
		try {
			CampaignProgress started = campaigns.start(form.request(clock), form.shopCodes(), authentication.getName());
			redirect.addFlashAttribute("started", started.total());
			return "redirect:" + PAGE;
		}
		catch (CampaignProblem problem) {
			CampaignForm.refuse(model, problem);
			form.show(model);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(model);
		}
	}

	private String show(Model model) {
		model.addAttribute("console", "店守 Misemori");
		model.addAttribute("action", PAGE);
		model.addAttribute("operator", true);
		model.addAttribute("campaigns", campaigns.list());
		return "campaigns";
	}

}
