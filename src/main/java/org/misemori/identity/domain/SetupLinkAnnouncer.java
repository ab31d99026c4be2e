package org.misemori.identity.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * While no operator exists, each start writes a fresh one-time setup link to a file in the data
 * directory, readable by its owner only, and logs where it is. There is no default password to
 * change, and so none to forget to change. The link itself never goes through logging: logs are
 * shipped and kept elsewhere, and every token in them is redacted anyway.
 */
@Component
class SetupLinkAnnouncer implements ApplicationRunner {

	static final String FILE_NAME = "operator-setup-link.txt";

	private static final Log LOG = LogFactory.getLog(SetupLinkAnnouncer.class);

	private final OperatorSetup setup;

	private final PublicUrl publicUrl;

	private final Path linkFile;

	SetupLinkAnnouncer(OperatorSetup setup, PublicUrl publicUrl, @Value("${misemori.data-dir}") Path dataDirectory) {
		this.setup = setup;
		this.publicUrl = publicUrl;
		this.linkFile = dataDirectory.toAbsolutePath().normalize().resolve(FILE_NAME);
	}

	@Override
	public void run(ApplicationArguments args) {
		setup.issueTokenIfNoOperator().ifPresentOrElse(token -> {
			write(publicUrl.of("/operator/setup?token=" + token));
			LOG.warn("No operator account yet. Create the first one within 24 hours: open the one-time link in "
					+ linkFile + " (the link works once).");
		}, this::removeStaleLink);
	}

	/** Written beside, then moved into place, so a reader never sees half a link or lax permissions. */
	private void write(String link) {
		try {
			Files.createDirectories(linkFile.getParent());
			Path draft = Files.createTempFile(linkFile.getParent(), "setup-link", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(draft, link + System.lineSeparator(), StandardCharsets.UTF_8);
			Files.move(draft, linkFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the operator setup link to " + linkFile, ex);
		}
	}

	private void removeStaleLink() {
		try {
			Files.deleteIfExists(linkFile);
		}
		catch (IOException ex) {
			LOG.warn("Could not remove the used operator setup link file " + linkFile + ": " + ex.getMessage());
		}
	}

}
