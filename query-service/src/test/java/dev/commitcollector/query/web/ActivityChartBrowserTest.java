package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The repository page's charts in Debian's headless Chromium: commits per period as bars,
 * each author's activity as a sparkline beside their count, both drawn from the API.
 */
class ActivityChartBrowserTest extends QueryIntegrationTest {

	private static HeadlessChromium chromium;

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		chromium = HeadlessChromium.start();
		browser = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() throws Exception {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void drawsTheHistoryAndSaysACommitDatedAfterTodayIsNotDrawn() {
		aRepository("github", "acme/clock-set-wrong")
			.commit("w1", "login:ada", "ada", "Ada Lovelace", "ada@example.org", at("2024-01-03T10:00:00Z"))
			.commit("w2", "login:ada", "ada", "Ada Lovelace", "ada@example.org", at("2024-03-03T10:00:00Z"))
			.commit("w3", "login:ada", "ada", "Ada Lovelace", "ada@example.org", at("9999-12-31T00:00:00Z"))
			.store();

		browser.get("http://localhost:" + port + "/repository.html?provider=github&repository=acme/clock-set-wrong");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#activity-svg rect")));

		List<WebElement> bars = browser.findElements(By.cssSelector("#activity-svg rect"));
		assertThat(bars).extracting(bar -> bar.getAttribute("data-start")).first().isEqualTo("2024-01-03");
		assertThat(bars).extracting(bar -> bar.getAttribute("data-start")).last().isEqualTo("2024-03-03");
		assertThat(browser.findElement(By.id("activity-note")).getText())
			.isEqualTo("1 commit dated after today is not drawn.");
		wait.until(d -> d.findElements(By.cssSelector("#authors > li svg.activity")).size() == 1);
		assertThat(browser.findElement(By.cssSelector("#authors > li svg.activity")).getAttribute("aria-label"))
			.startsWith("Activity of Ada Lovelace: 2 commits from ")
			.endsWith("; 1 commit outside this span");
	}

	@Test
	void drawsTheCommitsPerMonthAndEachAuthorsActivityAndRedrawsPerWeek() throws Exception {
		aRepository("github", "acme/chart")
			.commit("c1", "login:ada", "ada", "Ada Lovelace", "ada@example.org", at("2024-01-03T10:00:00Z"))
			.commit("c2", "login:ada", "ada", "Ada Lovelace", "ada@example.org", at("2024-01-20T10:00:00Z"))
			.commit("c3", "login:ada", "ada", "Ada Lovelace", "ada@example.org", at("2024-04-30T23:00:00Z"))
			.commit("c4", "email:bob@example.org", null, "Bob <b>", "bob@example.org", at("2025-03-01T00:00:00Z"))
			.commit("c5", "email:bob@example.org", null, "Bob <b>", "bob@example.org", at("2025-03-11T00:00:00Z"))
			.commit("c6", "email:bob@example.org", null, "Bob <b>", "bob@example.org", at("2025-03-31T23:59:59Z"))
			.store();

		browser.get("http://localhost:" + port + "/repository.html?provider=github&repository=acme/chart");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#activity-svg rect")));
		wait.until(d -> d.findElements(By.cssSelector("#authors > li svg.activity")).size() == 2);

		WebElement chart = browser.findElement(By.id("activity-svg"));
		assertThat(browser.findElement(By.id("activity")).isDisplayed()).isTrue();
		assertThat(chart.getAttribute("role")).isEqualTo("img");
		assertThat(chart.getAttribute("data-by")).isEqualTo("month");
		assertThat(chart.getAttribute("aria-label"))
			.isEqualTo("Commits per month, from Jan 2024 to Mar 2025, at most 3 commits in a month");
		assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent"))
			.isEqualTo(chart.getAttribute("aria-label"));
		List<WebElement> bars = chart.findElements(By.tagName("rect"));
		assertThat(bars).extracting(bar -> bar.getAttribute("data-count"))
			.containsExactly("2", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "3");
		assertThat(bars.get(0).getAttribute("data-start")).isEqualTo("2024-01-01");
		assertThat(bars.get(14).getAttribute("data-start")).isEqualTo("2025-03-01");
		// the tallest bar fills the plot; a bar of 2 is two thirds of it; an empty month
		// has none
		double full = Double.parseDouble(bars.get(14).getAttribute("height"));
		assertThat(Double.parseDouble(bars.get(0).getAttribute("height"))).isCloseTo(full * 2 / 3,
				org.assertj.core.data.Offset.offset(0.05));
		assertThat(Double.parseDouble(bars.get(1).getAttribute("height"))).isZero();
		assertThat(text(chart, "axis-first")).isEqualTo("Jan 2024");
		assertThat(text(chart, "axis-last")).isEqualTo("Mar 2025");
		assertThat(text(chart, "axis-max")).isEqualTo("3");

		List<WebElement> authors = browser.findElements(By.cssSelector("#authors > li"));
		WebElement ada = sparkline(authors, "login:ada");
		assertThat(ada.getAttribute("aria-label")).startsWith("Activity of Ada Lovelace: 3 commits from Jan 2024");
		assertThat(counts(ada)).containsExactly(2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		assertThat(ada.findElement(By.tagName("polyline")).getAttribute("points").split(" ")).hasSize(15);
		WebElement bob = sparkline(authors, "email:bob@example.org");
		assertThat(bob.getAttribute("aria-label")).startsWith("Activity of Bob <b>: 3 commits");
		assertThat(counts(bob)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3);
		chromium.screenshot("activity-month");

		new Select(browser.findElement(By.id("activity-by"))).selectByValue("week");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#activity-svg[data-by=week]")));
		wait.until(d -> d.findElements(By.cssSelector("#authors > li svg.activity[data-by=week]")).size() == 2);
		chart = browser.findElement(By.id("activity-svg"));
		assertThat(chart.getAttribute("aria-label")).isEqualTo(
				"Commits per week, from week of Jan 1, 2024 to week of Mar 31, 2025, at most 1 commit in a week");
		// 2024-01-01 is a Monday, 2025-03-31 too, 65 weeks later: 66 weeks from the one
		// to the other
		bars = chart.findElements(By.tagName("rect"));
		assertThat(bars).hasSize(66);
		assertThat(bars.stream().mapToLong(bar -> Long.parseLong(bar.getAttribute("data-count"))).sum()).isEqualTo(6);
		assertThat(bars.get(65).getAttribute("data-start")).isEqualTo("2025-03-31");
		assertThat(bars.get(65).getAttribute("data-count")).isEqualTo("1");
		assertThat(counts(sparkline(browser.findElements(By.cssSelector("#authors > li")), "email:bob@example.org")))
			.hasSize(66)
			// Saturday 1 March is in the week of 24 February; 11 March in that of the
			// 10th
			.endsWith(1, 0, 1, 0, 0, 1);
	}

	private static WebElement sparkline(List<WebElement> authors, String key) {
		return authors.stream()
			.filter(author -> key.equals(author.getAttribute("data-key")))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector(".author-toggle .author-activity svg.activity[role=img]"));
	}

	private static List<Integer> counts(WebElement sparkline) {
		return Arrays.stream(sparkline.getAttribute("data-counts").split(",")).map(Integer::valueOf).toList();
	}

	private static String text(WebElement chart, String labelClass) {
		return chart.findElement(By.cssSelector("text." + labelClass)).getAttribute("textContent");
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
