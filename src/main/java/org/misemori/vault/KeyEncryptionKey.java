package org.misemori.vault;

import com.google.crypto.tink.Aead;

/**
 * The key that wraps every shop's keysets (and seals small platform secrets). It never enters
 * the database. The default is the local master keyset file in the data directory; a cloud KMS
 * or HashiCorp Vault takes its place by providing this bean instead, e.g. with Tink's KMS
 * extensions: {@code new GcpKmsClient().withDefaultCredentials().getAead("gcp-kms://…")}.
 */
public interface KeyEncryptionKey {

	/** Stable name of this key, stored beside everything it wraps (e.g. {@code local:123456}, a KMS key URI). */
	String id();

	Aead aead();

}
