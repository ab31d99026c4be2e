package org.misemori.audit.chain;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The operator console's page that verifies the audit log on demand and names the first broken link. */
@Controller
class AuditChainController {

	private final AuditChainVerifier verifier;

	AuditChainController(AuditChainVerifier verifier) {
		this.verifier = verifier;
	}

	@GetMapping("/operator/audit")
	String page() {
		return "operator/audit";
	}

	@PostMapping("/operator/audit/verify")
	String verify(Model model) {
		model.addAttribute("report", verifier.verify());
		return "operator/audit";
	}

}
