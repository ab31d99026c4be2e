package org.misemori.notify.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import org.misemori.vault.SecretBox;

import org.springframework.stereotype.Component;

/**
 * A queued mail's recipient, subject and body, sealed together with the vault's key (outside the
 * database) and bound to the row's dedupe key. A mail waits in the outbox only seconds, but the
 * row's old versions stay in PostgreSQL's files after delivery empties it; sealed, they hold
 * nothing readable: no address, no name, no reset link.
 */
@Component
class MailContent {

	private final SecretBox box;

	MailContent(SecretBox box) {
		this.box = box;
	}

	byte[] seal(byte[] storedDedupeKey, String recipient, String subject, String body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			for (String part : new String[] { recipient, subject, body }) {
				byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
				out.writeInt(utf8.length);
				out.write(utf8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return box.seal(bytes.toByteArray(), context(storedDedupeKey));
	}

	/** The content, or empty if it does not open for this row (planted, altered or moved). */
	Optional<Opened> open(byte[] storedDedupeKey, byte[] sealed) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(box.open(sealed, context(storedDedupeKey))))) {
			return Optional.of(new Opened(next(in), next(in), next(in)));
		}
		catch (IOException | RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	private static String next(DataInputStream in) throws IOException {
		return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
	}

	private static String context(byte[] storedDedupeKey) {
		return "notify.outbox_mail:" + HexFormat.of().formatHex(storedDedupeKey);
	}

	record Opened(String recipient, String subject, String body) {
	}

}
