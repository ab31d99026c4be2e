package org.misemori.storefront.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.platform.ShopProfile;
import org.misemori.platform.ShopProfiles;
import org.misemori.platform.ShopRequest;
import org.misemori.storefront.policy.PrivacyPolicy;
import org.misemori.storefront.policy.PrivacyPolicies;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 特定商取引法に基づく表記 and the privacy policy, rendered by the shop's theme from plain data:
 * the facts of the shop's profile, and the owner's policy text as paragraphs of plain text
 * (escaped on output like everything else). A shop that wrote no policy shows Misemori's default,
 * naming the shop and its contact.
 */
@Controller
class PolicyPages {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final ThemedResponses responses;

	private final ShopProfiles profiles;

	private final PrivacyPolicies policies;

	private final MessageSource messages;

	PolicyPages(ThemedResponses responses, ShopProfiles profiles, PrivacyPolicies policies, MessageSource messages) {
		this.responses = responses;
		this.profiles = profiles;
		this.policies = policies;
		this.messages = messages;
	}

	@GetMapping("/s/{shopCode}/policies/legal-notice")
	ResponseEntity<String> legalNotice(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		ShopProfile profile = profiles.current().orElseGet(ShopProfile::empty);
		List<Map<String, Object>> facts = new ArrayList<>();
		fact(facts, "seller", profile.sellerName());
		fact(facts, "representative", profile.representative());
		fact(facts, "address", profile.address());
		fact(facts, "phone", profile.phone());
		fact(facts, "email", profile.email());
		fact(facts, "hours", profile.businessHours());
		fact(facts, "price", profile.priceNote());
		fact(facts, "fees", profile.extraFees());
		fact(facts, "payment", profile.paymentMethods());
		fact(facts, "delivery", profile.deliveryTime());
		fact(facts, "returns", profile.returnsPolicy());
		return responses.render(shop, HttpStatus.OK, "legal-notice",
				Map.of("legal", Map.of("facts", facts), "page_title", messages.getMessage("store.legal-notice", null,
						LocaleContextHolder.getLocale())), request);
	}

	@GetMapping("/s/{shopCode}/policies/privacy")
	ResponseEntity<String> privacy(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		PrivacyPolicy policy = policies.current();
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> privacy = new LinkedHashMap<>();
		privacy.put("paragraphs", policy.isOwn() ? paragraphs(policy.text()) : defaultPolicy(shop, locale));
		privacy.put("own", policy.isOwn());
		policy.updatedAt()
			.filter(at -> policy.isOwn())
			.ifPresent(at -> privacy.put("updated_on", DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(JAPAN))));
		return responses.render(shop, HttpStatus.OK, "privacy", Map.of("privacy", privacy, "page_title",
				messages.getMessage("policy.settings.title", null, locale)), request);
	}

	private static void fact(List<Map<String, Object>> facts, String key, String value) {
		facts.add(Map.of("key", key, "label_key", "legal." + key, "value", value == null ? "" : value.strip()));
	}

	/** Paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
	static List<String> paragraphs(String text) {
		return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	private List<String> defaultPolicy(ShopRequest shop, Locale locale) {
		ShopProfile profile = profiles.current().orElseGet(ShopProfile::empty);
		String name = profile.sellerName().isBlank() ? shop.shop().name() : shop.shop().name() + "（" + profile.sellerName() + "）";
		String contact = String.join(" / ",
				List.of(profile.sellerName(), profile.address(), profile.phone(), profile.email())
					.stream()
					.filter(part -> part != null && !part.isBlank())
					.toList());
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(messages.getMessage("policy.privacy.default.1", new Object[] { name }, locale));
		for (int i = 2; i <= 5; i++) {
			paragraphs.add(messages.getMessage("policy.privacy.default." + i, null, locale));
		}
		paragraphs.add(messages.getMessage("policy.privacy.default.contact",
				new Object[] { contact.isEmpty() ? shop.shop().name() : contact }, locale));
		return paragraphs;
	}

}
