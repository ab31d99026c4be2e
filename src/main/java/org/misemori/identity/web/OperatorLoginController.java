package org.misemori.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class OperatorLoginController {

	@GetMapping("/operator/login")
	String login() {
		return "operator/login";
	}

}
