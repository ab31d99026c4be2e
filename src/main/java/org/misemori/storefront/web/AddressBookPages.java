package org.misemori.storefront.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.misemori.identity.AddressBook;
import org.misemori.identity.AddressRejected;
import org.misemori.identity.DeliveryAddress;
import org.misemori.identity.MemberAddresses;
import org.misemori.identity.SignedInMember;
import org.misemori.platform.ShopRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A member's address book on their my page (お届け先一覧), rendered by the shop's theme: their
 * own address (the profile's) and the addresses they saved, each added, changed or removed by a
 * CSRF-guarded form. Only the signed-in member's own entries exist for them: another member's
 * address id shows the same "not found" as one that does not exist. Every view is a recorded read.
 */
@Controller
class AddressBookPages {

	static final String PURPOSE = "member's own addresses";

	private final SignedInMember member;

	private final MemberAddresses addresses;

	private final ThemedResponses responses;

	private final MessageSource messages;

	AddressBookPages(SignedInMember member, MemberAddresses addresses, ThemedResponses responses, MessageSource messages) {
		this.member = member;
		this.addresses = addresses;
		this.responses = responses;
		this.messages = messages;
	}

	@GetMapping("/s/{shopCode}/account/addresses")
	ResponseEntity<String> list(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<Long> me = member.idIn(shop.shop().id());
		if (me.isEmpty()) {
			return signIn(shop);
		}
		AddressBook book = addresses.of(shop.shop().id(), me.get(), PURPOSE);
		Map<String, Object> model = AddressBookView.list(book, shop.basePath(), locale());
		model.put("done", Optional.ofNullable(request.getParameter("done")).filter(d -> d.matches("added|changed|removed"))
			.orElse(""));
		return responses.render(shop, HttpStatus.OK, "account-addresses", model, request);
	}

	@GetMapping("/s/{shopCode}/account/addresses/new")
	ResponseEntity<String> newAddress(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		if (member.idIn(shop.shop().id()).isEmpty()) {
			return signIn(shop);
		}
		DeliveryAddress blank = new DeliveryAddress(0, "", "", "", "", "", "", "");
		return form(shop, blank, false, shop.basePath() + "/account/addresses", List.of(), HttpStatus.OK, request);
	}

	@PostMapping("/s/{shopCode}/account/addresses")
	ResponseEntity<String> add(HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<Long> me = member.idIn(shop.shop().id());
		if (me.isEmpty()) {
			return signIn(shop);
		}
		DeliveryAddress typed = typed(request);
		try {
			addresses.add(shop.shop().id(), me.get(), typed);
			return done(shop, "added");
		}
		catch (AddressRejected rejected) {
			return form(shop, typed, false, shop.basePath() + "/account/addresses", rejected.problems(),
					HttpStatus.UNPROCESSABLE_CONTENT, request);
		}
	}

	@GetMapping("/s/{shopCode}/account/addresses/{id}")
	ResponseEntity<String> edit(@PathVariable String id, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<Long> me = member.idIn(shop.shop().id());
		if (me.isEmpty()) {
			return signIn(shop);
		}
		boolean own = "own".equals(id);
		Optional<Long> addressId = own ? Optional.of(DeliveryAddress.OWN) : id(id);
		AddressBook book = addresses.of(shop.shop().id(), me.get(), PURPOSE);
		Optional<DeliveryAddress> address = addressId.flatMap(known -> own ? Optional.of(book.own()) : book.saved(known));
		if (address.isEmpty()) {
			return notFound(shop, request);
		}
		return form(shop, address.get(), own, shop.basePath() + "/account/addresses/" + id, List.of(), HttpStatus.OK,
				request);
	}

	@PostMapping("/s/{shopCode}/account/addresses/{id}")
	ResponseEntity<String> change(@PathVariable String id, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<Long> me = member.idIn(shop.shop().id());
		if (me.isEmpty()) {
			return signIn(shop);
		}
		boolean own = "own".equals(id);
		Optional<Long> addressId = id(id);
		if (!own && addressId.isEmpty()) {
			return notFound(shop, request);
		}
		DeliveryAddress typed = typed(request);
		try {
			if (own) {
				addresses.changeOwn(shop.shop().id(), me.get(), typed);
			}
			else if (!addresses.change(shop.shop().id(), me.get(), addressId.get(), typed)) {
				return notFound(shop, request);
			}
			return done(shop, "changed");
		}
		catch (AddressRejected rejected) {
			return form(shop, typed, own, shop.basePath() + "/account/addresses/" + id, rejected.problems(),
					HttpStatus.UNPROCESSABLE_CONTENT, request);
		}
	}

	@PostMapping("/s/{shopCode}/account/addresses/{id}/delete")
	ResponseEntity<String> remove(@PathVariable String id, HttpServletRequest request) {
		ShopRequest shop = ThemedResponses.openShop(request);
		Optional<Long> me = member.idIn(shop.shop().id());
		if (me.isEmpty()) {
			return signIn(shop);
		}
		if (id(id).filter(known -> addresses.remove(shop.shop().id(), me.get(), known)).isEmpty()) {
			return notFound(shop, request);
		}
		return done(shop, "removed");
	}

	private ResponseEntity<String> form(ShopRequest shop, DeliveryAddress values, boolean own, String action,
			List<AddressRejected.Problem> problems, HttpStatus status, HttpServletRequest request) {
		Locale locale = locale();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("address", AddressBookView.form(values));
		model.put("own", own);
		model.put("action", action);
		model.put("prefectures", AddressBookView.prefectures(locale));
		Map<String, Object> errors = new LinkedHashMap<>();
		problems.forEach(problem -> errors.merge(problem.field() == null ? "form" : problem.field(),
				messages.getMessage(problem, locale), (a, b) -> a + " " + b));
		model.put("errors", errors);
		model.put("error_list", List.copyOf(errors.values()));
		return responses.render(shop, status, "account-address", model, request);
	}

	private ResponseEntity<String> notFound(ShopRequest shop, HttpServletRequest request) {
		return responses.render(shop, HttpStatus.NOT_FOUND, "account-address", Map.of("missing", true), request);
	}

	private static DeliveryAddress typed(HttpServletRequest request) {
		return new DeliveryAddress(0, p(request, "name"), p(request, "kana"), p(request, "phone"), p(request, "postalCode"),
				p(request, "prefecture"), p(request, "address"), p(request, "building"));
	}

	private static String p(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return value == null ? "" : value;
	}

	/** An address id as the URL gives it; anything else is no address. */
	private static Optional<Long> id(String text) {
		return text != null && text.matches("[1-9]\\d{0,17}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
	}

	private static Locale locale() {
		return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH
				: Locale.JAPANESE;
	}

	private static ResponseEntity<String> done(ShopRequest shop, String what) {
		return redirect(shop.basePath() + "/account/addresses?done=" + what);
	}

	private static ResponseEntity<String> signIn(ShopRequest shop) {
		return redirect(shop.basePath() + "/account/login");
	}

	private static ResponseEntity<String> redirect(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
	}

}
