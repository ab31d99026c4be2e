package org.misemori.platform.database;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.misemori.platform.ShopId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TenantClaimsUnitTest {

	@Test
	void claimIsTheShopIdAndItsHmac() {
		TenantClaims claims = new TenantClaims();
		byte[] secret = new byte[32];
		Arrays.fill(secret, (byte) 7);
		claims.useSecret(secret);
		String claim = claims.claimFor(new ShopId(42));
		assertThat(claim).matches("42\\.[0-9a-f]{64}");
		assertThat(claims.claimFor(new ShopId(43)).split("\\.")[1]).isNotEqualTo(claim.split("\\.")[1]);
	}

	@Test
	void noClaimWithoutTheSecret() {
		assertThatIllegalStateException().isThrownBy(() -> new TenantClaims().claimFor(new ShopId(1)));
	}

}
