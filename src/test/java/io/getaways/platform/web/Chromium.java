package io.getaways.platform.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.webjars.WebJarVersionLocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium from the Debian {@code chromium} and {@code chromium-driver}
 * packages, driven by Selenium. Without them the browser tests skip, saying why, unless
 * {@code getaways.test.require-chromium=true} (set by .ci/run) makes them mandatory.
 */
final class Chromium implements AutoCloseable {

	static final String REQUIRE_PROPERTY = "getaways.test.require-chromium";

	static final int[] WIDTHS = { 375, 1280 };

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private Chromium(ChromeDriver driver) {
		this.driver = driver;
	}

	/** A fresh browser, or a skipped (or, where required, failed) test. */
	static Chromium start() {
		Path browser = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
		Path chromedriver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
		if (browser == null || chromedriver == null) {
			String missing = "Chromium browser tests need the chromium and chromium-driver packages "
					+ "(apt-get install chromium chromium-driver); " + (browser == null ? "chromium" : "chromedriver")
					+ " is not installed";
			if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
				fail(missing + "; " + REQUIRE_PROPERTY + "=true makes these tests mandatory");
			}
			assumeTrue(false, missing + ", so they are skipped");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		// no sandbox: CI runs as root, where Chromium refuses to start sandboxed
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return new Chromium(driver);
	}

	ChromeDriver driver() {
		return driver;
	}

	/** The current page at each width, to target/screenshots/{name}-{width}.png. */
	void screenshots(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			for (int width : WIDTHS) {
				driver.manage().window().setSize(new Dimension(width, 900));
				byte[] png = driver.getScreenshotAs(OutputType.BYTES);
				Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), png);
			}
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Photographs the current page at each width and fails on any serious or critical
	 * axe-core violation.
	 */
	void photographAndCheck(String page) {
		screenshots(page);
		assertThat(seriousAccessibilityViolations()).as("axe-core on the " + page + " page").isEmpty();
	}

	/** axe-core's serious and critical violations on the current page, one line each. */
	@SuppressWarnings("unchecked")
	List<String> seriousAccessibilityViolations() {
		JavascriptExecutor js = driver;
		js.executeScript(axeSource());
		Object found = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(results => done(results.violations
				  .filter(v => v.impact === 'serious' || v.impact === 'critical')
				  .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
				    + v.nodes.map(n => n.target.join(' ')).join(', '))));""");
		return (List<String>) found;
	}

	private static String axeSource() {
		String found = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
		String path = found == null || found.startsWith("META-INF/") ? found : "META-INF/resources/webjars/" + found;
		try (InputStream in = path == null ? null : Chromium.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("axe-core WebJar not on the test classpath: " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path firstExisting(String... candidates) {
		return Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
	}

	@Override
	public void close() {
		driver.quit();
	}

}
