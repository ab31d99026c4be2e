package org.misemori.identity.web;

import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffMember;
import org.misemori.identity.staff.StaffProblem;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shop admin's front page: the shop, its staff, and (for the owner) inviting more. */
@Controller
class AdminController {

	private final StaffAccounts staff;

	private final ShopDirectory shops;

	private final SecondFactorRaise raise;

	AdminController(StaffAccounts staff, ShopDirectory shops, SecondFactorRaise raise) {
		this.staff = staff;
		this.shops = shops;
		this.raise = raise;
	}

	@GetMapping("/admin/login")
	String login() {
		return "admin/login";
	}

	@GetMapping("/admin")
	String dashboard(Authentication authentication, Model model) {
		Shop shop = shopOf(authentication);
		model.addAttribute("shop", shop);
		model.addAttribute("me", authentication.getPrincipal());
		model.addAttribute("staff", staff.list(shop));
		model.addAttribute("owner", isOwner(authentication));
		model.addAttribute("form", new InviteForm("", "", ""));
		return "admin/dashboard";
	}

	@PostMapping("/admin/staff")
	String invite(@ModelAttribute("form") InviteForm form, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		if (!isOwner(authentication)) {
			throw new AccessDeniedException("Only the shop owner invites staff");
		}
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/admin/2fa?stepup";
		}
		Shop shop = shopOf(authentication);
		try {
			staff.invite(shop.code().value(), new NewStaff(form.loginId(), form.displayName(), form.email(), false),
					authentication.getName());
			redirect.addFlashAttribute("invited", form.loginId());
			return "redirect:/admin";
		}
		catch (StaffProblem problem) {
			model.addAttribute("errorKey", problem.messageKey());
			model.addAttribute("errorArguments", problem.arguments());
			model.addAttribute("shop", shop);
			model.addAttribute("me", authentication.getPrincipal());
			model.addAttribute("staff", staff.list(shop));
			model.addAttribute("owner", true);
			return "admin/dashboard";
		}
	}

	private Shop shopOf(Authentication authentication) {
		String code = authentication.getName().substring(0, authentication.getName().indexOf('/'));
		return shops.findByCode(code).orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

	private static boolean isOwner(Authentication authentication) {
		return authentication.getPrincipal() instanceof StaffMember
				&& authentication.getAuthorities().stream().anyMatch(a -> "ROLE_SHOP_OWNER".equals(a.getAuthority()));
	}

	record InviteForm(String loginId, String displayName, String email) {
	}

}
