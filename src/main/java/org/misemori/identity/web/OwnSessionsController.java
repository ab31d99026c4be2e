package org.misemori.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.identity.session.OwnSessions;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Where am I signed in?" for operators and shop staff alike, each in their own console. */
@Controller
class OwnSessionsController {

	private final OwnSessions sessions;

	OwnSessionsController(OwnSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping({ "/operator/sessions", "/admin/sessions" })
	String list(Authentication authentication, HttpServletRequest request, Model model) {
		model.addAttribute("area", area(request));
		model.addAttribute("consoleKey", area(request).equals("/admin") ? "admin.console" : "operator.console");
		model.addAttribute("sessions", sessions.list(authentication.getName(), request.getSession().getId()));
		return "sessions";
	}

	@PostMapping({ "/operator/sessions/end", "/admin/sessions/end" })
	String end(@RequestParam(defaultValue = "") String id, Authentication authentication, HttpServletRequest request) {
		if (id.equals(request.getSession().getId())) {
			return "redirect:" + area(request) + "/sessions";
		}
		sessions.end(authentication.getName(), id);
		return "redirect:" + area(request) + "/sessions?ended";
	}

	@PostMapping({ "/operator/sessions/end-others", "/admin/sessions/end-others" })
	String endOthers(Authentication authentication, HttpServletRequest request) {
		sessions.endAllBut(authentication.getName(), request.getSession().getId());
		return "redirect:" + area(request) + "/sessions?ended";
	}

	private static String area(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/admin") ? "/admin" : "/operator";
	}

}
