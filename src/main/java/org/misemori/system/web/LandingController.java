package org.misemori.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The platform's own front page: what Misemori is, and where to go. */
@Controller
class LandingController {

	@GetMapping("/")
	String landing() {
		return "landing";
	}

}
