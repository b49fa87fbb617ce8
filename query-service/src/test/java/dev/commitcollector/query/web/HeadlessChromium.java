package dev.commitcollector.query.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (no driver download),
 * with a profile directory of its own that is removed once the browser has quit.
 */
final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Starts the browser, or skips the calling tests when the packages are missing. */
	static HeadlessChromium start() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
				"needs Debian's chromium and chromium-driver packages (.ci/run installs them)");
		Path profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1200,1400", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new HeadlessChromium(new ChromeDriver(service, options), profile);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/** Saves what the browser shows as a build artifact under target/screenshots. */
	void screenshot(String name) throws IOException {
		File shot = this.driver.getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Quits the browser and deletes its profile (each run left one in the temp folder).
	 */
	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

}
