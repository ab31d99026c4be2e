package org.misemori.identity.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.misemori.identity.staff.NewStaff;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffMember;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.identity.staff.StaffPermissionChanges;
import org.misemori.identity.staff.StaffProblem;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff area ({@code /admin/staff}, STAFF_ADMIN only): the list, inviting with chosen
 * permissions, and changing them later. Both ask for a second factor given in the last five
 * minutes: they decide who can reach the shop's data.
 */
@Controller
class StaffAdminController {

	private final StaffAccounts staff;

	private final StaffPermissionChanges permissions;

	private final ShopDirectory shops;

	private final SecondFactorRaise raise;

	StaffAdminController(StaffAccounts staff, StaffPermissionChanges permissions, ShopDirectory shops,
			SecondFactorRaise raise) {
		this.staff = staff;
		this.permissions = permissions;
		this.shops = shops;
		this.raise = raise;
	}

	@GetMapping("/admin/staff")
	String list(Authentication authentication, Model model) {
		model.addAttribute("form", new InviteForm("", "", "", "", List.of()));
		return listPage(authentication, model);
	}

	@PostMapping("/admin/staff")
	String invite(@ModelAttribute("form") InviteForm form, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/admin/2fa?stepup";
		}
		Shop shop = AdminController.shopOf(authentication, shops);
		Set<StaffPermission> wanted = StaffPermission.fromNames(form.permissions() == null ? List.of() : form.permissions());
		try {
			permissions.checkInvitation(me(authentication), wanted);
			staff.invite(shop.code().value(),
					new NewStaff(form.loginId(), form.displayName(), form.email(), false, wanted, form.phone()),
					authentication.getName());
			redirect.addFlashAttribute("invited", form.loginId());
			return "redirect:/admin/staff";
		}
		catch (StaffProblem problem) {
			refuse(problem, model, response);
			return listPage(authentication, model);
		}
	}

	@GetMapping("/admin/staff/{loginId}")
	String editPage(@PathVariable String loginId, Authentication authentication, Model model) {
		model.addAttribute("loginId", loginId);
		try {
			model.addAttribute("current", permissions.of(me(authentication), loginId));
		}
		catch (StaffProblem unknown) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return editPage(authentication, model);
	}

	@PostMapping("/admin/staff/{loginId}/permissions")
	String change(@PathVariable String loginId, @RequestParam(name = "permissions", required = false) List<String> chosen,
			Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!raise.recentlyGiven(authentication)) {
			return "redirect:/admin/2fa?stepup";
		}
		Set<StaffPermission> wanted = StaffPermission.fromNames(chosen == null ? List.of() : chosen);
		try {
			permissions.change(me(authentication), loginId, wanted);
		}
		catch (StaffProblem problem) {
			refuse(problem, model, response);
			model.addAttribute("loginId", loginId);
			model.addAttribute("current", wanted);
			return editPage(authentication, model);
		}
		if (loginId.equals(me(authentication).getUsername().substring(me(authentication).getUsername().indexOf('/') + 1))) {
			// Their own sessions have just ended, this one with them: sign in again with the new rights.
			request.getSession().invalidate();
			return "redirect:/admin/login?rights-changed";
		}
		redirect.addFlashAttribute("changed", loginId);
		return "redirect:/admin/staff";
	}

	private String listPage(Authentication authentication, Model model) {
		model.addAttribute("shop", AdminController.shopOf(authentication, shops));
		model.addAttribute("staff", staff.list(AdminController.shopOf(authentication, shops)));
		model.addAttribute("grantable", StaffPermission.heldBy(authentication.getAuthorities()));
		model.addAttribute("allPermissions", StaffPermission.values());
		return "admin/staff";
	}

	private String editPage(Authentication authentication, Model model) {
		model.addAttribute("shop", AdminController.shopOf(authentication, shops));
		model.addAttribute("grantable", StaffPermission.heldBy(authentication.getAuthorities()));
		model.addAttribute("allPermissions", StaffPermission.values());
		return "admin/staff-edit";
	}

	private static void refuse(StaffProblem problem, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errorKey", problem.messageKey());
		model.addAttribute("errorArguments", problem.arguments());
	}

	private static StaffMember me(Authentication authentication) {
		return (StaffMember) authentication.getPrincipal();
	}

	/** {@code phone} is optional: a shop may keep a number to call its staff on. */
	record InviteForm(String loginId, String displayName, String email, String phone, List<String> permissions) {
	}

}
