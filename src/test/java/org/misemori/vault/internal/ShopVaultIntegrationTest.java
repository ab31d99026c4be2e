package org.misemori.vault.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.ShopId;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.BlindIndexKind;
import org.misemori.vault.FieldRef;
import org.misemori.vault.KeyEncryptionKey;
import org.misemori.vault.SealedFieldMismatchException;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MisemoriIntegrationTest
class ShopVaultIntegrationTest {

	private static final String ADDRESS = "東京都千代田区千代田1-1 みどりマンション101号";

	@Autowired
	TinkShopVault vault;

	@Autowired
	ShopAdministration administration;

	@Autowired
	KeyEncryptionKey kek;

	@Autowired
	Environment environment;

	private ShopId shopA;

	private ShopId shopB;

	@BeforeEach
	void twoShops() {
		shopA = ShopFixtures.kissaShop(administration).id();
		shopB = ShopFixtures.zakkaShop(administration).id();
	}

	@Test
	void japanesePersonalDataRoundTripsAndIsNotInTheCiphertext() {
		FieldRef field = FieldRef.of("identity.member_account", "address", 7);
		byte[] ciphertext = vault.encrypt(shopA, field, ADDRESS);

		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(ADDRESS.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
		assertThat(vault.decrypt(shopA, field, ciphertext)).isEqualTo(ADDRESS);
		assertThat(vault.encrypt(shopA, field, ADDRESS)).as("randomised: equal values do not show").isNotEqualTo(ciphertext);
	}

	@Test
	void aCiphertextMovedToAnotherRowColumnOrShopDoesNotDecrypt() {
		FieldRef field = FieldRef.of("identity.member_account", "address", 7);
		byte[] ciphertext = vault.encrypt(shopA, field, ADDRESS);

		assertThatThrownBy(() -> vault.decrypt(shopA, FieldRef.of("identity.member_account", "address", 8), ciphertext))
			.isInstanceOf(SealedFieldMismatchException.class)
			.hasMessageContaining("moved from another row or shop");
		assertThatThrownBy(() -> vault.decrypt(shopA, FieldRef.of("identity.member_account", "phone", 7), ciphertext))
			.isInstanceOf(SealedFieldMismatchException.class);
		assertThatThrownBy(() -> vault.decrypt(shopB, field, ciphertext)).isInstanceOf(SealedFieldMismatchException.class);
	}

	@Test
	void shopKeysAreStoredOnlyWrappedByTheKeyOutsideTheDatabase() throws Exception {
		vault.encrypt(shopA, FieldRef.of("t", "c", 1), "x");
		vault.blindIndex(shopA, BlindIndexKind.EMAIL, "x@example.jp");

		for (ShopKeysets.Purpose purpose : ShopKeysets.Purpose.values()) {
			byte[] stored = storedKeyset(shopA, purpose);
			assertThatThrownBy(() -> TinkProtoKeysetFormat.parseKeyset(stored, InsecureSecretKeyAccess.get()))
				.as("not a plain keyset").isInstanceOf(java.security.GeneralSecurityException.class);
			assertThat(TinkProtoKeysetFormat.parseEncryptedKeyset(stored, kek.aead(),
					ShopKeysets.associatedData(new ShopKeysets.Key(shopA, purpose))).size()).isEqualTo(1);
			assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(stored, kek.aead(),
					ShopKeysets.associatedData(new ShopKeysets.Key(shopB, purpose))))
				.as("a wrapped keyset copied to another shop's row does not unwrap")
				.isInstanceOf(java.security.GeneralSecurityException.class);
		}
	}

	@Test
	void blindIndexesFindTheSameAddressHoweverWrittenAndDifferPerShop() {
		byte[] index = vault.blindIndex(shopA, BlindIndexKind.EMAIL, "taro.yamada@example.jp");

		assertThat(vault.blindIndex(shopA, BlindIndexKind.EMAIL, "  Taro.Yamada@Example.JP ")).isEqualTo(index);
		assertThat(vault.blindIndex(shopA, BlindIndexKind.EMAIL, "ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ")).isEqualTo(index);
		assertThat(vault.blindIndex(shopA, BlindIndexKind.EMAIL, "jiro.yamada@example.jp")).isNotEqualTo(index);
		assertThat(vault.blindIndex(shopB, BlindIndexKind.EMAIL, "taro.yamada@example.jp")).isNotEqualTo(index);
		assertThat(index).hasSize(32);

		byte[] phone = vault.blindIndex(shopA, BlindIndexKind.PHONE, "090-1234-5678");
		assertThat(vault.blindIndex(shopA, BlindIndexKind.PHONE, "０９０１２３４５６７８")).isEqualTo(phone);
		assertThat(vault.blindIndex(shopA, BlindIndexKind.PHONE, "+81 90 1234 5678")).isEqualTo(phone);
		assertThat(vault.blindIndex(shopA, BlindIndexKind.EMAIL, "090-1234-5678")).as("kinds never collide")
			.isNotEqualTo(phone);
	}

	private byte[] storedKeyset(ShopId shop, ShopKeysets.Purpose purpose) throws SQLException {
		try (Connection operator = Databases.asCrossShopRole(environment);
				PreparedStatement query = operator.prepareStatement(
						"SELECT wrapped_keyset FROM vault.shop_keyset WHERE shop_id = ? AND purpose = ?")) {
			query.setLong(1, shop.value());
			query.setString(2, purpose.name());
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				return row.getBytes(1);
			}
		}
	}

}
