package org.misemori;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does with a page's forms in a {@link Chromium} test: type into a field, press
 * the form's button and wait until the page has gone, read what the next page says, find a link
 * in the mail the embedded server received.
 */
public final class BrowserForms {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private final ChromeDriver browser;

	public BrowserForms(ChromeDriver browser) {
		this.browser = browser;
	}

	public void type(String name, String value) {
		WebElement field = browser.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

	/** Submits the page's main form, and waits until the browser has left the page. */
	public void submit() {
		click(By.cssSelector("main form button[type=submit]"));
	}

	/** Clicks and waits until the browser has left the page. */
	public void click(By locator) {
		WebElement element = browser.findElement(locator);
		element.click();
		new WebDriverWait(browser, PATIENCE).until(Chromium.gone(element));
	}

	/** The text of the first element matching {@code css}, once it is visible. */
	public String text(String css) {
		return waitFor(css).getText();
	}

	/** The first element matching {@code css}, once the navigation a click started has shown it. */
	public WebElement waitFor(String css) {
		return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * Group 1 of {@code link} on {@code /dev/mail}, polled until the mail has arrived; the page
	 * escapes {@code &} in links, which is undone here.
	 */
	public String linkOnDevMail(int port, Pattern link) {
		return new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
			driver.get("http://localhost:" + port + "/dev/mail");
			Matcher matcher = link.matcher(driver.getPageSource());
			return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
		});
	}

}
