package org.misemori.vault.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeysetUnitTest {

	@TempDir
	Path dataDirectory;

	@Test
	void sealedSecretsOpenOnlyInTheirContextAndAfterARestart() throws Exception {
		byte[] secret = "totp seed".getBytes(StandardCharsets.UTF_8);
		byte[] sealed = new MasterKeyset(dataDirectory.toString(), false).seal(secret, "totp:operator:1");

		MasterKeyset afterRestart = new MasterKeyset(dataDirectory.toString(), false);
		assertThat(afterRestart.open(sealed, "totp:operator:1")).isEqualTo(secret);
		assertThatIllegalStateException().isThrownBy(() -> afterRestart.open(sealed, "totp:operator:2"));
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("totp seed");
	}

	@Test
	void keysetFileIsReadableByItsOwnerOnly() throws Exception {
		new MasterKeyset(dataDirectory.toString(), false);
		Path keyset = dataDirectory.resolve("keys/master-keyset.json");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset))).isEqualTo("rw-------");
	}

	@Test
	void anotherDataDirectoryMeansAnotherKey(@TempDir Path other) {
		byte[] sealed = new MasterKeyset(dataDirectory.toString(), false).seal(new byte[] { 1, 2, 3 }, "x");
		assertThatIllegalStateException().isThrownBy(() -> new MasterKeyset(other.toString(), false).open(sealed, "x"));
	}


	@Test
	void aMissingKeyIsNeverReplacedOnceTheDatabaseUsesOne() {
		assertThatThrownBy(() -> new MasterKeyset(dataDirectory.toString(), true))
			.isInstanceOf(MasterKeyUnavailableException.class)
			.hasMessageContaining("master-keyset.json is missing");
		assertThat(dataDirectory.resolve("keys/master-keyset.json")).doesNotExist();
	}

	@Test
	void anUnreadableKeyStopsTheStart() throws Exception {
		Path keyset = dataDirectory.resolve("keys/master-keyset.json");
		Files.createDirectories(keyset.getParent());
		Files.writeString(keyset, "{ not a keyset");
		assertThatThrownBy(() -> new MasterKeyset(dataDirectory.toString(), true))
			.isInstanceOf(MasterKeyUnavailableException.class)
			.hasMessageContaining("cannot be read as a Tink keyset");
	}

}
