package io.getaways.platform.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/**
 * A test that drives a headless Chromium of its own, started before each test and closed
 * after it, whatever the test's outcome.
 */
abstract class BrowserTest {

	Chromium chromium;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		chromium = Chromium.start();
		browser = chromium.driver();
	}

	@AfterEach
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

}
