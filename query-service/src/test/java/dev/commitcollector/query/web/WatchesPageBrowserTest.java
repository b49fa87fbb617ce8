package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The home page's watches table in a real browser, against a stub fetcher that lists its
 * watches a page at a time in the fetcher's documented shape ({@code watches},
 * {@code next}): every page can be reached, not only the first.
 */
class WatchesPageBrowserTest extends QueryIntegrationTest {

	private static final HttpServer fetcher = stubFetcher();

	/** The query string of each listing the page asked the stub for. */
	private static final List<String> asked = new CopyOnWriteArrayList<>();

	/** The listing by its {@code after} cursor: two pages, the second the last. */
	private static final Map<String, String> pages = Map.of("", page("next-1", "acme/one", "acme/two"), "next-1",
			page(null, "acme/three"));

	private static HeadlessChromium chromium;

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void fetcherUrl(DynamicPropertyRegistry registry) {
		registry.add("query.ui.fetcher-url", () -> "http://localhost:" + fetcher.getAddress().getPort());
	}

	@BeforeAll
	static void startBrowser() throws Exception {
		chromium = HeadlessChromium.start();
		browser = chromium.driver();
	}

	@AfterAll
	static void stop() throws Exception {
		fetcher.stop(0);
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void showsTheNextPageOfWatchesWhenAskedAndNoButtonAfterTheLast() throws Exception {
		browser.get("http://localhost:" + port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#watches tbody tr"), 2));
		WebElement more = browser.findElement(By.id("watches-more"));
		assertThat(more.isDisplayed()).as("a button for the watches past the first page").isTrue();

		more.click();

		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#watches tbody tr"), 3));
		assertThat(browser.findElements(By.cssSelector("#watches tbody tr td:nth-child(2)")))
			.extracting(WebElement::getText)
			.containsExactly("acme/one", "acme/two", "acme/three");
		wait.until(ExpectedConditions.invisibilityOf(more));
		assertThat(asked).containsExactly("", "after=next-1");
		chromium.screenshot("watches-pages");
	}

	private static String page(String next, String... repositories) {
		StringBuilder watches = new StringBuilder();
		for (String repository : repositories) {
			watches.append(watches.isEmpty() ? "" : ",")
				.append("{\"id\":\"")
				.append(UUID.nameUUIDFromBytes(repository.getBytes(StandardCharsets.UTF_8)))
				.append("\",\"provider\":\"github\",\"repository\":\"")
				.append(repository)
				.append("\",\"limit\":1000,\"interval\":\"PT1H\",\"createdAt\":\"2026-12-01T10:00:00Z\",")
				.append("\"nextRunAt\":\"2026-12-01T11:00:00Z\",\"lastFetch\":null,\"failedTurns\":0}");
		}
		return "{\"watches\":[" + watches + "],\"next\":" + (next == null ? "null" : "\"" + next + "\"") + "}";
	}

	private static HttpServer stubFetcher() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/api/v1/watches", WatchesPageBrowserTest::list);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("the stub fetcher did not start", ex);
		}
	}

	private static void list(HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		asked.add(query == null ? "" : query);
		String after = query == null ? "" : query.replaceFirst("^after=", "");
		String body = pages.get(after);
		byte[] bytes = (body != null ? body : "{\"title\":\"Bad Request\",\"status\":400}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
		exchange.sendResponseHeaders(body != null ? 200 : 400, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
