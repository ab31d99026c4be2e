package org.misemori.identity.environment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The family names an alert shows, and the networks an environment is keyed on. */
class BrowserFamilyUnitTest {

	@Test
	void namesBrowserAndSystemWithoutVersions() {
		assertThat(BrowserFamily.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36")).isEqualTo("Chrome on Windows");
		assertThat(BrowserFamily.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on Windows");
		assertThat(BrowserFamily.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
		assertThat(BrowserFamily.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Mobile Safari/537.36")).isEqualTo("Chrome on Android");
		assertThat(BrowserFamily.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0"))
			.isEqualTo("Firefox on macOS");
		assertThat(BrowserFamily.of(null)).isEqualTo("Unknown browser");
	}

	@Test
	void keysNetworksOnIpv4Slash24AndIpv6Slash48() {
		assertThat(Networks.of("203.0.113.77")).isEqualTo("203.0.113.0/24");
		assertThat(Networks.of("::ffff:203.0.113.77")).isEqualTo("203.0.113.0/24");
		assertThat(Networks.of("2001:db8:abcd:12::1")).isEqualTo("2001:0db8:abcd::/48");
		assertThat(Networks.of("example.com")).as("never a DNS lookup").isEqualTo("unknown");
		assertThat(Networks.of(null)).isEqualTo("unknown");
	}

	@Test
	void readsBackStoredAccountKeys() {
		assertThat(AccountKeys.parse("operator:ops.taro").id()).isEqualTo("operator:ops.taro");
		assertThat(AccountKeys.parse("staff:42:tanaka").shopId()).isEqualTo(42L);
	}

}
