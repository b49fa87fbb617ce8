package dev.commitcollector.fetcher.forge.http;

import java.util.Arrays;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark, not a test: what reading a page of 100 GitHub-shaped commits costs when
 * its items are bound one at a time ({@link CommitItems}, so one item in the wrong shape
 * is set aside alone) against binding the whole array at once (one bad item fails the
 * page), and the whole read, commits made, as a fetch does it. Medians of five rounds of
 * 1,000 pages after a warm-up.
 *
 * <pre>./mvnw -q -pl fetcher-service -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.commitcollector.fetcher.forge.http.ItemDecodingBenchmark</pre>
 */
public final class ItemDecodingBenchmark {

	private static final int PAGES = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static void main(String[] args) {
		byte[] page = page(100);
		System.out.printf("a page of 100 commits, %,d bytes; ms per page, medians of 5 rounds of %d%n", page.length,
				PAGES);
		for (int warm = 0; warm < 3; warm++) {
			round(page);
		}
		double[][] rounds = new double[5][];
		for (int i = 0; i < rounds.length; i++) {
			rounds[i] = round(page);
		}
		System.out.printf("%-40s %8.3f%n", "whole array bound at once", median(rounds, 0));
		System.out.printf("%-40s %8.3f%n", "items bound one at a time", median(rounds, 1));
		System.out.printf("%-40s %8.3f%n", "one at a time, commits made (a fetch)", median(rounds, 2));
	}

	private static double[] round(byte[] page) {
		long count = 0;
		long start = System.nanoTime();
		for (int i = 0; i < PAGES; i++) {
			count += JSON.readValue(page, GitHubShapedCommit[].class).length;
		}
		long whole = System.nanoTime();
		for (int i = 0; i < PAGES; i++) {
			for (JsonNode item : JSON.readTree(page)) {
				count += JSON.treeToValue(item, GitHubShapedCommit.class) == null ? 0 : 1;
			}
		}
		long each = System.nanoTime();
		for (int i = 0; i < PAGES; i++) {
			count += GitHubShapedCommits.toDomain(JSON.readTree(page), "GitHub").commits().size();
		}
		long made = System.nanoTime();
		if (count != 3L * PAGES * 100) {
			throw new IllegalStateException("read " + count + " commits");
		}
		return new double[] { perPage(start, whole), perPage(whole, each), perPage(each, made) };
	}

	private static double perPage(long from, long to) {
		return (to - from) / 1e6 / PAGES;
	}

	private static double median(double[][] rounds, int column) {
		double[] values = Arrays.stream(rounds).mapToDouble(round -> round[column]).sorted().toArray();
		return values[values.length / 2];
	}

	/** Items as GitHub sends them, each with a message of about a kilobyte. */
	private static byte[] page(int items) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < items; i++) {
			String sha = sha(i);
			json.append(i == 0 ? "" : ",")
				.append("{\"sha\":\"")
				.append(sha)
				.append("\",\"node_id\":\"C_kwDOAAAB\",\"commit\":{\"author\":{\"name\":\"Ada Lovelace ")
				.append(i)
				.append("\",\"email\":\"ada")
				.append(i)
				.append("@example.org\",\"date\":\"2024-01-01T00:00:00Z\"},\"committer\":{\"name\":\"GitHub\",")
				.append("\"email\":\"noreply@github.com\",\"date\":\"2024-01-01T00:00:00Z\"},\"message\":\"")
				.append("Explain the change at some length. ".repeat(30))
				.append("\",\"tree\":{\"sha\":\"")
				.append(sha)
				.append("\",\"url\":\"https://api.github.com/t\"},\"comment_count\":0,")
				.append("\"verification\":{\"verified\":false,\"reason\":\"unsigned\"}},")
				.append("\"url\":\"https://api.github.com/c\",\"html_url\":\"https://github.com/c\",")
				.append("\"author\":{\"login\":\"ada\",\"id\":1},\"committer\":{\"login\":\"web-flow\",\"id\":2},")
				.append("\"parents\":[{\"sha\":\"")
				.append(sha(i + 1))
				.append("\",\"url\":\"https://api.github.com/p\"}]}");
		}
		return json.append("]").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String sha(int i) {
		byte[] bytes = new byte[20];
		bytes[0] = 1;
		bytes[16] = (byte) (i >>> 24);
		bytes[17] = (byte) (i >>> 16);
		bytes[18] = (byte) (i >>> 8);
		bytes[19] = (byte) (i + 1);
		return HexFormat.of().formatHex(bytes);
	}

}
