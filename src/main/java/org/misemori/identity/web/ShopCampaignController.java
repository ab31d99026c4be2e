package org.misemori.identity.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.campaign.CampaignProblem;
import org.misemori.identity.campaign.CampaignProgress;
import org.misemori.identity.campaign.ShopCampaigns;
import org.misemori.identity.staff.StaffMember;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A shop owner's forced reset campaigns over their own staff and members, with their progress.
 * Starting one mails every chosen account, so it asks for a second-factor code given in the
 * last five minutes, as inviting staff does.
 */
@Controller
class ShopCampaignController {

	private static final String PAGE = "/admin/campaigns";

	private final ShopCampaigns campaigns;

	private final ShopDirectory shops;

	private final SecondFactorRaise raise;

	private final Clock clock;

	ShopCampaignController(ShopCampaigns campaigns, ShopDirectory shops, SecondFactorRaise raise, Clock clock) {
		this.campaigns = campaigns;
		this.shops = shops;
		this.raise = raise;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	String page(Authentication authentication, Model model) {
		Shop shop = ownersShop(authentication);
		new CampaignForm("ALL", "", "", "").show(model);
		return show(shop, model);
	}

	@PostMapping(PAGE)
	String start(@ModelAttribute CampaignForm form, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Shop shop = ownersShop(authentication);
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/admin/2fa?stepup";
		}
		try {
			CampaignProgress started = campaigns.start(shop, form.request(clock), authentication.getName());
			redirect.addFlashAttribute("started", started.total());
			return "redirect:" + PAGE;
		}
		catch (CampaignProblem problem) {
			CampaignForm.refuse(model, problem);
			form.show(model);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(shop, model);
		}
	}

	private String show(Shop shop, Model model) {
		model.addAttribute("console", shop.name());
		model.addAttribute("action", PAGE);
		model.addAttribute("operator", false);
		model.addAttribute("campaigns", campaigns.list(shop));
		return "campaigns";
	}

	private Shop ownersShop(Authentication authentication) {
		boolean owner = authentication.getPrincipal() instanceof StaffMember
				&& authentication.getAuthorities().stream().anyMatch(a -> "ROLE_SHOP_OWNER".equals(a.getAuthority()));
		if (!owner) {
			throw new AccessDeniedException("Only the shop owner runs reset campaigns");
		}
		String code = authentication.getName().substring(0, authentication.getName().indexOf('/'));
		return shops.findByCode(code).orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
