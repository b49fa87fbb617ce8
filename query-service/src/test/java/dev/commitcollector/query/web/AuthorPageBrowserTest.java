package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.QueryIntegrationTest;
import dev.commitcollector.query.StoredCommits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The author page in a real browser: Debian's headless Chromium driven through Debian's
 * chromedriver (no driver download), against the running query-service with data stored.
 */
class AuthorPageBrowserTest extends QueryIntegrationTest {

	static final String EVIL = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

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

	@BeforeEach
	void storeARepository() {
		StoredCommits repository = aRepository("github", "acme/browser");
		for (int i = 0; i < 5; i++) {
			repository.commit(sha(100 + i), "login:ada", "ada", "Ada Lovelace", "ada@example.org",
					Instant.parse("2026-11-0" + (i + 1) + "T10:00:00Z"));
		}
		repository.commit(sha(1), "email:grace@navy.mil", null, "Grace Hopper", "grace@navy.mil", Instant.now())
			.commit(sha(2), "email:grace@navy.mil", null, "Grace Hopper", "grace@navy.mil", Instant.now())
			.commit(sha(3), "email:grace@navy.mil", null, "Grace Hopper", "grace@navy.mil", Instant.now())
			.commit(sha(4), "email:evil@example.org", null, EVIL, "evil@example.org", Instant.now())
			.commit(sha(5), "email:evil@example.org", null, EVIL, "evil@example.org", Instant.now());
		for (int i = 0; i < 60; i++) {
			repository.commit(sha(200 + i), String.format("email:dev%02d@example.org", i), null, "Developer " + i,
					String.format("dev%02d@example.org", i), Instant.parse("2026-10-01T00:00:00Z"));
		}
		repository.store();
	}

	@Test
	void showsAuthorsByCommitCountExpandsCommitsFiltersPagesAndEscapesForgeText() throws Exception {
		browser.get("http://localhost:" + port + "/repository.html?provider=github&repository=acme/browser");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#authors > li"), 50));

		List<WebElement> authors = browser.findElements(By.cssSelector("#authors > li"));
		assertThat(authors.subList(0, 3)).extracting(a -> a.getAttribute("data-key"))
			.containsExactly("login:ada", "email:grace@navy.mil", "email:evil@example.org");
		assertThat(authors.get(0).findElement(By.className("author-count")).getText()).isEqualTo("5 commits");
		assertThat(authors.get(0).findElement(By.className("author-identity")).getText()).isEqualTo("@ada");
		assertThat(authors.get(4).findElement(By.className("author-count")).getText()).isEqualTo("1 commit");
		assertThat(authors.get(1).findElement(By.className("author-count")).getText()).isEqualTo("3 commits");
		assertThat(browser.findElement(By.id("repository-summary")).getText()).isEqualTo("70 commits by 63 authors");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mailmap-note")));
		assertThat(browser.findElement(By.id("mailmap-note")).getText())
			.startsWith("No .mailmap of this repository has been read yet");

		// a name with markup in it is shown as text, and none of it ran
		assertThat(authors.get(2).findElement(By.className("author-name")).getText()).isEqualTo(EVIL);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);

		// expanding an author shows their commits, linked to the forge
		authors.get(0).findElement(By.className("author-toggle")).click();
		wait.until(d -> authors.get(0).findElements(By.cssSelector("tr.commit")).size() == 5);
		WebElement firstSha = authors.get(0).findElement(By.cssSelector("tr.commit a.sha"));
		assertThat(firstSha.getText()).hasSize(7);
		assertThat(firstSha.getAttribute("href")).startsWith("https://github.com/acme/browser/commit/");
		assertThat(authors.get(0).findElement(By.className("author-toggle")).getAttribute("aria-expanded"))
			.isEqualTo("true");
		chromium.screenshot("authors");

		// incremental loading brings the remaining authors
		browser.findElement(By.id("authors-more")).click();
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#authors > li"), 63));
		assertThat(browser.findElement(By.id("authors-more")).isDisplayed()).isFalse();

		// the filter keeps matching authors only
		browser.findElement(By.id("author-filter")).sendKeys("HOPPER\n");
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#authors > li"), 1));
		assertThat(browser.findElement(By.cssSelector("#authors > li")).getAttribute("data-key"))
			.isEqualTo("email:grace@navy.mil");
	}

	@Test
	void speaksOfOneCommitByOneAuthorInTheSingular() {
		aRepository("github", "acme/browser-single")
			.commit(sha(311), "email:ada@example.org", null, "Ada", "ada@example.org",
					Instant.parse("2026-11-03T10:00:00Z"))
			.store();
		browser.get("http://localhost:" + port + "/repository.html?provider=github&repository=acme/browser-single");
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#authors > li"), 1));

		assertThat(browser.findElement(By.id("repository-summary")).getText()).isEqualTo("1 commit by 1 author");
	}

	@Test
	void showsPeopleMergedByDefaultWithTheirCoAuthoredCountsAndRawIdentitiesOnTheSwitch() throws Exception {
		aRepository("github", "acme/browser-people")
			.commit(sha(301), "login:octocat", "octocat", "The Octocat", "octocat@github.com",
					Instant.parse("2026-11-01T10:00:00Z"))
			.commit(sha(302), "email:1+octocat@users.noreply.github.com", null, "Octo",
					"1+octocat@users.noreply.github.com", Instant.parse("2026-11-02T10:00:00Z"))
			.commit(sha(303), "email:ada@example.org", null, "Ada", "ada@example.org",
					Instant.parse("2026-11-03T10:00:00Z"))
			.coAuthor(sha(303), "Octo", "1+octocat@users.noreply.github.com")
			.mailmap("Ada", "ada@example.org", null, "ada@old.example.org")
			.store();
		browser.get("http://localhost:" + port + "/repository.html?provider=github&repository=acme/browser-people");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#authors > li"), 2));

		WebElement octocat = browser.findElement(By.cssSelector("#authors > li"));
		assertThat(octocat.getAttribute("data-key")).isEqualTo("login:octocat");
		assertThat(octocat.findElement(By.className("author-count")).getText()).isEqualTo("2 commits");
		assertThat(octocat.findElement(By.className("author-coauthored")).getText()).isEqualTo("+1 co-authored");
		assertThat(octocat.findElement(By.className("author-keys")).getText()).isEqualTo("2 identities");
		assertThat(browser.findElement(By.id("repository-summary")).getText()).isEqualTo("3 commits by 2 authors");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mailmap-note")));
		assertThat(browser.findElement(By.id("mailmap-note")).getText()).startsWith("Its .mailmap, read on ")
			.endsWith(", gives 1 entry.");
		chromium.screenshot("people");

		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("identities"))).selectByValue("raw");
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#authors > li"), 3));
		assertThat(browser.findElements(By.cssSelector("#authors > li"))).extracting(a -> a.getAttribute("data-key"))
			.containsExactly("email:1+octocat@users.noreply.github.com", "email:ada@example.org", "login:octocat");
		assertThat(browser.getCurrentUrl()).endsWith("identities=raw");
		assertThat(browser.findElement(By.id("mailmap-note")).isDisplayed()).as("raw folds nothing").isFalse();
	}

	@Test
	void listsStoredRepositoriesOnTheHomePage() throws Exception {
		browser.get("http://localhost:" + port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		By row = By.xpath("//table[@id='repositories']//tr[td/a[text()='acme/browser']]");
		wait.until(ExpectedConditions.presenceOfElementLocated(row));

		List<WebElement> cells = browser.findElement(row).findElements(By.tagName("td"));
		assertThat(cells).extracting(WebElement::getText).startsWith("github", "acme/browser", "70", "63");
		assertThat(browser.findElement(By.id("fetch-form")).isDisplayed()).isTrue();
		chromium.screenshot("home");
	}

	private static String sha(int n) {
		return String.format("%040x", 0xb0000L + n);
	}

}
