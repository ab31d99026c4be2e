package org.misemori.identity.passkey;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passkey ceremonies of one kind of account (staff, operators or members), on Spring
 * Security's webauthn4j relying party. Our own controllers call it instead of Spring Security's
 * WebAuthn filters: those run before the admin chain sets the shop (so row-level security would
 * hide every staff credential), they sit at fixed global paths that three consoles would share,
 * and a passkey given as a second factor must be merged into the password sign-in by us anyway.
 * The challenge of each ceremony waits in the session, under a name of its own per kind.
 */
public final class Passkeys {

	/** A WebAuthn response is a few kilobytes; anything far larger is refused before parsing. */
	static final int MAX_BODY = 64 * 1024;

	static final int MAX_LABEL = 64;

	private final PasskeyStore store;

	private final Function<PasskeyStore, WebAuthnRelyingPartyOperations> relyingParty;

	private final AtomicReference<WebAuthnRelyingPartyOperations> operations = new AtomicReference<>();

	private final String requestSlot;

	private final String creationSlot;

	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	Passkeys(String kind, PasskeyStore store, Function<PasskeyStore, WebAuthnRelyingPartyOperations> relyingParty) {
		this.store = store;
		this.relyingParty = relyingParty;
		this.requestSlot = Passkeys.class.getName() + ".request." + kind;
		this.creationSlot = Passkeys.class.getName() + ".creation." + kind;
	}

	/** Options for a sign-in: the holder's own passkeys when {@code who} is signed in, any otherwise. */
	public String requestOptions(Authentication who, HttpSession session) {
		PublicKeyCredentialRequestOptions options = operations()
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(who));
		session.setAttribute(requestSlot, options);
		return json.writeValueAsString(options);
	}

	/** The user name of the passkey's holder, if the browser's answer to the last challenge checks out. */
	public Optional<String> verify(String body, HttpSession session) {
		Object options = session.getAttribute(requestSlot);
		session.removeAttribute(requestSlot);
		if (!(options instanceof PublicKeyCredentialRequestOptions requestOptions) || body.length() > MAX_BODY) {
			return Optional.empty();
		}
		try {
			PublicKeyCredential<AuthenticatorAssertionResponse> credential = json.readValue(body,
					new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
					});
			return Optional.of(operations()
				.authenticate(new RelyingPartyAuthenticationRequest(requestOptions, credential))
				.getName());
		}
		catch (RuntimeException refused) {
			// A wrong signature, an unknown credential, another origin: all simply "not verified".
			return Optional.empty();
		}
	}

	public String creationOptions(Authentication who, HttpSession session) {
		PublicKeyCredentialCreationOptions options = operations()
			.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(who));
		session.setAttribute(creationSlot, options);
		return json.writeValueAsString(options);
	}

	/** Registers the browser's new passkey for {@code who}, under the name they gave it. */
	public Passkey register(Authentication who, String body, HttpSession session) {
		Object options = session.getAttribute(creationSlot);
		session.removeAttribute(creationSlot);
		if (body.length() > MAX_BODY) {
			throw new PasskeyProblem("passkey.error.too-large");
		}
		if (!(options instanceof PublicKeyCredentialCreationOptions creation)
				|| !creation.getUser().getName().equals(who.getName())) {
			throw new PasskeyProblem("passkey.error.expired");
		}
		RelyingPartyPublicKey publicKey = parse(body);
		try {
			CredentialRecord saved = operations()
				.registerCredential(new ImmutableRelyingPartyRegistrationRequest(creation, publicKey));
			return new Passkey(saved.getCredentialId().toBase64UrlString(), saved.getLabel(), saved.getCreated(), null);
		}
		catch (RuntimeException refused) {
			throw new PasskeyProblem("passkey.error.failed");
		}
	}

	public List<Passkey> list(String username) {
		return store.list(username);
	}

	public boolean hasAny(String username) {
		return !list(username).isEmpty();
	}

	/** Deletes one of {@code username}'s own passkeys; another person's id deletes nothing. */
	public boolean delete(String username, String id) {
		try {
			return store.delete(username, Bytes.fromBase64(id));
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}

	private RelyingPartyPublicKey parse(String body) {
		JsonNode tree;
		try {
			tree = json.readTree(body);
		}
		catch (RuntimeException unreadable) {
			throw new PasskeyProblem("passkey.error.failed");
		}
		String label = tree.path("label").asString("").strip();
		if (label.isEmpty()) {
			throw new PasskeyProblem("passkey.error.label-missing");
		}
		if (label.length() > MAX_LABEL) {
			throw new PasskeyProblem("passkey.error.label-too-long");
		}
		try {
			RelyingPartyPublicKey parsed = json.treeToValue(tree, RelyingPartyPublicKey.class);
			return new RelyingPartyPublicKey(parsed.getCredential(), label);
		}
		catch (RuntimeException unreadable) {
			throw new PasskeyProblem("passkey.error.failed");
		}
	}

	/** Built at first use: the default origin names the server's port, known only once it listens. */
	private WebAuthnRelyingPartyOperations operations() {
		return operations.updateAndGet(existing -> existing != null ? existing : relyingParty.apply(store));
	}

}
