package dev.commitcollector.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The web page as a person uses it: Debian's headless Chromium through Debian's
 * chromedriver.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
	}

	static Browser start() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
				"needs Debian's chromium and chromium-driver packages (.ci/run installs them)");
		Path profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + profile);
		return new Browser(
				new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
						options),
				profile);
	}

	void open(String url) {
		driver.get(url);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("fetch-submit")));
	}

	void fetch(String provider, String repository, int limit) {
		type("fetch-provider", provider);
		type("fetch-repository", repository);
		type("fetch-limit", String.valueOf(limit));
		driver.findElement(By.id("fetch-submit")).click();
	}

	/**
	 * Types the fetcher's API key into the field the page shows after a 401, and fetches
	 * again.
	 */
	void retryWithApiKey(String key) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fetch-key")));
		type("fetch-key", key);
		driver.findElement(By.id("fetch-submit")).click();
	}

	void awaitStatus(String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fetch-status"), text));
	}

	/** Fills in and sends the watch form. */
	void watch(String provider, String repository, String interval) {
		type("watch-provider", provider);
		type("watch-repository", repository);
		new Select(driver.findElement(By.id("watch-interval"))).selectByValue(interval);
		driver.findElement(By.id("watch-submit")).click();
	}

	/**
	 * Types the API key into the field the page shows after a 401, and sends the watch
	 * form again.
	 */
	void retryWatchWithApiKey(String key) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fetch-key")));
		type("fetch-key", key);
		driver.findElement(By.id("watch-submit")).click();
	}

	void awaitWatchStatus(String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watch-status"), text));
	}

	/** The rows of the watches table, each as its cells' text joined by " | ". */
	List<String> watches() {
		return driver.findElements(By.cssSelector("#watches tbody tr"))
			.stream()
			.map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.map(cells -> String.join(" | ", cells))
			.toList();
	}

	/**
	 * Clicks Remove on the watch of {@code repository} and waits until its row is gone.
	 */
	void removeWatch(String repository) {
		WebElement row = driver.findElements(By.cssSelector("#watches tbody tr"))
			.stream()
			.filter(candidate -> candidate.getText().contains(repository))
			.findFirst()
			.orElseThrow();
		row.findElement(By.cssSelector("button.remove-watch")).click();
		wait.until(ExpectedConditions.stalenessOf(row));
	}

	void followLink(String text) {
		driver.findElement(By.linkText(text)).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#authors > li")));
	}

	long authorCount() {
		return driver.findElements(By.cssSelector("#authors > li")).size();
	}

	/**
	 * The repository page's chart of commits per period, once drawn; {@code by} (day,
	 * week, month) waits for a chart of that period, null for whichever the page drew.
	 * Read in one script, so a redraw cannot interleave.
	 */
	Chart activityChart(String by) {
		String selector = by == null ? "#activity-svg" : "#activity-svg[data-by=" + by + "]";
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(selector + " rect")));
		@SuppressWarnings("unchecked")
		Map<String, Object> chart = (Map<String, Object>) driver.executeScript("""
				const svg = document.querySelector(arguments[0]);
				const text = name => svg.querySelector('text.' + name).textContent;
				const rects = [...svg.querySelectorAll('rect')];
				return { by: svg.dataset.by, role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'),
				  title: svg.querySelector(':scope > title').textContent, starts: rects.map(r => r.dataset.start),
				  counts: rects.map(r => r.dataset.count), heights: rects.map(r => r.getAttribute('height')),
				  first: text('axis-first'), last: text('axis-last'), max: text('axis-max') };""", selector);
		return new Chart((String) chart.get("by"), (String) chart.get("role"), (String) chart.get("label"),
				(String) chart.get("title"), strings(chart.get("starts")),
				strings(chart.get("counts")).stream().map(Long::valueOf).toList(),
				strings(chart.get("heights")).stream().map(Double::valueOf).toList(), (String) chart.get("first"),
				(String) chart.get("last"), (String) chart.get("max"));
	}

	/** Chooses the period of the repository page's charts. */
	void showActivityPer(String by) {
		new Select(driver.findElement(By.id("activity-by"))).selectByValue(by);
	}

	/**
	 * The sparkline beside each author's count, in the list's order, once every listed
	 * author has one drawn per {@code by}.
	 */
	List<Sparkline> sparklines(String by) {
		wait.until(d -> !d.findElements(By.cssSelector("#authors > li")).isEmpty()
				&& d.findElements(By.cssSelector("#authors > li")).size() == d
					.findElements(By.cssSelector("#authors > li .author-toggle svg.activity[data-by=" + by + "]"))
					.size());
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = (List<Map<String, Object>>) driver.executeScript("""
				return [...document.querySelectorAll('#authors > li')].map(li => {
				  const svg = li.querySelector('.author-toggle svg.activity');
				  return { key: li.dataset.key, name: li.querySelector('.author-name').textContent,
				    role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'), by: svg.dataset.by,
				    counts: svg.dataset.counts, points: svg.querySelector('polyline').getAttribute('points') };
				});""");
		return rows.stream()
			.map(row -> new Sparkline((String) row.get("key"), (String) row.get("name"), (String) row.get("role"),
					(String) row.get("label"), (String) row.get("by"),
					List.of(((String) row.get("counts")).split(",")).stream().map(Long::valueOf).toList(),
					((String) row.get("points")).split(" ").length))
			.toList();
	}

	private static List<String> strings(Object values) {
		return ((List<?>) values).stream().map(String::valueOf).toList();
	}

	/** The bar chart as drawn: one bar per period with its start and count. */
	record Chart(String by, String role, String label, String title, List<String> starts, List<Long> counts,
			List<Double> heights, String firstLabel, String lastLabel, String maxLabel) {
	}

	/** An author's sparkline as drawn: their commits per period and its line's points. */
	record Sparkline(String key, String name, String role, String label, String by, List<Long> counts, int points) {
	}

	private void type(String id, String text) {
		WebElement input = driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Quits the browser and deletes its profile (each run left one in the temp folder).
	 */
	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

}
