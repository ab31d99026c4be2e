package org.misemori;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does with a page's forms in a {@link Chromium} test: type into a field, press
 * the form's button and wait until the page has gone, read what the next page says. (The staff
 * and operator browser tests still carry private copies of these; new tests use this.)
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
		return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
			.getText();
	}

}
