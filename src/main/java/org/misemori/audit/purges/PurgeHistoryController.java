package org.misemori.audit.purges;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator console's list of purged shops: when, and how many rows of each table went. */
@Controller
class PurgeHistoryController {

	private final PurgeHistory history;

	PurgeHistoryController(PurgeHistory history) {
		this.history = history;
	}

	@GetMapping("/operator/purges")
	String purges(Model model) {
		model.addAttribute("purges", history.latest());
		return "operator/purges";
	}

}
