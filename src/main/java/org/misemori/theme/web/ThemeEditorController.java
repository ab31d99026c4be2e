package org.misemori.theme.web;

import java.util.List;

import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeFile;
import org.misemori.theme.ThemeRenderProblem;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's theme editor, behind the THEMES permission (StaffSecurityConfiguration): the
 * theme's files, one in a text area, its versions and a rollback to any of them. A template
 * that does not parse is not saved; the owner sees the parser's line and column and keeps the text.
 */
@Controller
class ThemeEditorController {

	private final ShopTheme theme;

	private final ShopDirectory shops;

	ThemeEditorController(ShopTheme theme, ShopDirectory shops) {
		this.theme = theme;
		this.shops = shops;
	}

	@GetMapping("/admin/themes")
	String editor(@RequestParam(required = false) String path, Authentication authentication, Model model) {
		model.addAttribute("shop", shopOf(authentication));
		model.addAttribute("paths", theme.paths());
		if (path != null) {
			ThemeFile file = theme.current(path).orElse(null);
			if (file == null) {
				model.addAttribute("errorKey", "theme.editor.unknown-path");
				model.addAttribute("errorArguments", List.of());
			}
			else {
				model.addAttribute("file", file);
				model.addAttribute("body", file.body());
				model.addAttribute("versions", theme.versions(path));
			}
		}
		return "theme/editor";
	}

	@PostMapping("/admin/themes/save")
	String save(@RequestParam String path, @RequestParam String body, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		try {
			ThemeFile saved = theme.save(path, body.replace("\r\n", "\n"), authentication.getName());
			redirect.addFlashAttribute("noticeKey", "theme.editor.saved");
			redirect.addFlashAttribute("noticeArguments", List.of(saved.path(), saved.version()));
			return "redirect:/admin/themes?path=" + org.springframework.web.util.UriUtils.encodeQueryParam(path, "UTF-8");
		}
		catch (ThemeRenderProblem problem) {
			model.addAttribute("shop", shopOf(authentication));
			model.addAttribute("paths", theme.paths());
			model.addAttribute("file", theme.current(path).orElse(null));
			model.addAttribute("body", body);
			model.addAttribute("versions", theme.versions(path));
			model.addAttribute("errorKey", problem.messageKey());
			model.addAttribute("errorArguments", List.of(problem.arguments()));
			return "theme/editor";
		}
	}

	@PostMapping("/admin/themes/rollback")
	String rollBack(@RequestParam String path, @RequestParam int version, Authentication authentication,
			RedirectAttributes redirect) {
		ThemeFile restored = theme.rollBack(path, version, authentication.getName());
		redirect.addFlashAttribute("noticeKey", "theme.editor.rolled-back");
		redirect.addFlashAttribute("noticeArguments", List.of(restored.path(), version, restored.version()));
		return "redirect:/admin/themes?path=" + org.springframework.web.util.UriUtils.encodeQueryParam(path, "UTF-8");
	}

	/** Staff principals are named {@code <shop code>/<login id>}. */
	private Shop shopOf(Authentication authentication) {
		String name = authentication.getName();
		return shops.findByCode(name.substring(0, Math.max(0, name.indexOf('/'))))
			.orElseThrow(() -> new AccessDeniedException("Shop gone"));
	}

}
