package org.misemori.vault.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.misemori.platform.PersonalDataRead;
import org.misemori.platform.ShopId;
import org.misemori.vault.FieldRef;
import org.misemori.vault.PersonalDataReader;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Decrypts through {@link TinkShopVault} and, on close, publishes one {@link PersonalDataRead}
 * for the whole reading (the audit module writes it in the reader's transaction): one row per
 * screen or export, however many records it showed, is what keeps the record cheap.
 */
@Component
class RecordedReadings implements PersonalDataReader {

	static final String NOBODY_SIGNED_IN = "system";

	private final TinkShopVault vault;

	private final ApplicationEventPublisher events;

	RecordedReadings(TinkShopVault vault, ApplicationEventPublisher events) {
		this.vault = vault;
		this.events = events;
	}

	@Override
	public Reading open(ShopId shop, String subjectKind, String purpose) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		boolean known = signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken);
		return openAs(known ? signedIn.getName() : NOBODY_SIGNED_IN, shop, subjectKind, purpose);
	}

	@Override
	public Reading openAs(String principal, ShopId shop, String subjectKind, String purpose) {
		return new RecordedReading(principal, shop, subjectKind, purpose);
	}

	private final class RecordedReading implements Reading {

		private final String principal;

		private final ShopId shop;

		private final String subjectKind;

		private final String purpose;

		private final Set<Long> records = new LinkedHashSet<>();

		private final Set<String> fields = new LinkedHashSet<>();

		private RecordedReading(String principal, ShopId shop, String subjectKind, String purpose) {
			this.principal = principal;
			this.shop = shop;
			this.subjectKind = subjectKind;
			this.purpose = purpose;
		}

		@Override
		public String field(FieldRef field, byte[] sealed) {
			return open(field, sealed, field.column());
		}

		@Override
		public String masked(FieldRef field, byte[] sealed, UnaryOperator<String> mask) {
			String plain = open(field, sealed, field.column() + "(masked)");
			return plain == null ? null : mask.apply(plain);
		}

		private String open(FieldRef field, byte[] sealed, String recordedAs) {
			if (sealed == null) {
				return null;
			}
			String plain = vault.decrypt(shop, field, sealed);
			records.add(recordId(field));
			fields.add(recordedAs);
			return plain;
		}

		@Override
		public void close() {
			if (records.isEmpty()) {
				return;
			}
			HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
					? web.getRequest() : null;
			HttpSession session = request == null ? null : request.getSession(false);
			// The session's stored id is already a hash of the cookie's secret: a reference, not a key.
			events.publishEvent(new PersonalDataRead(shop.value(), principal, session == null ? null : session.getId(),
					request == null ? null : request.getRemoteAddr(), subjectKind, List.copyOf(records),
					List.copyOf(fields), purpose));
		}

		private static long recordId(FieldRef field) {
			try {
				return Long.parseLong(field.rowKey());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("A personal field's row key must be its record's id: " + field, ex);
			}
		}

	}

}
