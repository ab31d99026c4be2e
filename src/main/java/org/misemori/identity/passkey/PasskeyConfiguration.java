package org.misemori.identity.passkey;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.misemori.identity.domain.PublicUrl;
import org.misemori.platform.CrossShopAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One relying party for the whole platform, three credential stores. The relying party id and
 * the allowed origins come from {@code misemori.passkeys.rp-id} and {@code misemori.passkeys.origins}
 * (comma-separated, exact {@code scheme://host[:port]}); by default both follow
 * {@code misemori.public-url}, which itself defaults to {@code http://localhost:<port>}. A shop
 * on its own domain is a different origin and relying party: its passkeys are for a later issue.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	Passkeys staffPasskeys(JdbcClient jdbc, TransactionTemplate transactions, Environment environment, PublicUrl url) {
		return new Passkeys("staff", new ShopPasskeyStore(jdbc, transactions, ShopPasskeyStore.STAFF),
				store -> relyingParty(store, environment, url, false));
	}

	@Bean
	Passkeys operatorPasskeys(CrossShopAccess crossShop, Environment environment, PublicUrl url) {
		return new Passkeys("operator", new OperatorPasskeyStore(crossShop),
				store -> relyingParty(store, environment, url, false));
	}

	/** Members sign in with the passkey alone, so their authenticator must verify them itself. */
	@Bean
	Passkeys memberPasskeys(JdbcClient jdbc, TransactionTemplate transactions, Environment environment, PublicUrl url) {
		return new Passkeys("member", new ShopPasskeyStore(jdbc, transactions, ShopPasskeyStore.MEMBERS),
				store -> relyingParty(store, environment, url, true));
	}

	/**
	 * {@code userVerification}: the authenticator must check its holder (PIN, fingerprint) itself,
	 * which is what makes a passkey two factors in one and so enough to sign in without a password.
	 */
	static WebAuthnRelyingPartyOperations relyingParty(PasskeyStore store, Environment environment, PublicUrl url,
			boolean userVerification) {
		URI publicUrl = URI.create(url.of("/"));
		String rpId = environment.getProperty("misemori.passkeys.rp-id", publicUrl.getHost());
		String configured = environment.getProperty("misemori.passkeys.origins", "");
		Set<String> origins = configured.isBlank() ? Set.of(origin(publicUrl))
				: Arrays.stream(configured.split(",")).map(String::strip).filter(o -> !o.isEmpty()).collect(Collectors.toSet());
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(store.users(), store,
				PublicKeyCredentialRpEntity.builder().id(rpId).name("Misemori 店守").build(), origins);
		if (userVerification) {
			operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria
				.builder()
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.userVerification(UserVerificationRequirement.REQUIRED)
				.build()));
			operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		}
		return operations;
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
	}

}
