package org.misemori;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: a real browser that
 * enforces our CSP and cookies. Nothing is downloaded; CI installs both packages. Outside CI a
 * machine without them skips browser tests; in CI their absence fails the run.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	public static ChromeDriver start(Path profile, String language) {
		boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		if (System.getenv("CI") == null) {
			assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		// Without the background-networking flags Chromium keeps calling home on a closed network.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--lang=" + language, "--window-size=1000,900");
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * The element's page has gone (a click navigated away). Chromedriver reports a node of the
	 * old document either as stale or, mid-navigation, as not belonging to the document: both
	 * mean gone.
	 */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (WebDriverException ex) {
				return true;
			}
		};
	}

	/** Keeps what the browser showed, for a person to look at after the run. */
	public static void screenshot(ChromeDriver driver, String name) throws IOException {
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

}
