package dev.commitcollector.fetcher.forge.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.application.CommitLog;
import dev.commitcollector.fetcher.application.FetchCommitsProbe;
import dev.commitcollector.fetcher.application.InMemoryHistory;
import dev.commitcollector.fetcher.application.MailmapLog;
import dev.commitcollector.fetcher.domain.CoAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.contract.StubForge.Capability;
import dev.commitcollector.fetcher.forge.contract.StubForge.StubCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The one contract every forge adapter passes, each against its own stub: a fetch through
 * the real use case, with a commit log that records what would go to Kafka.
 */
public abstract class ForgeContract {

	protected StubForge stub;

	private final List<DiscoveredCommit> published = new CopyOnWriteArrayList<>();

	private final List<PublishedMailmap> mailmaps = new CopyOnWriteArrayList<>();

	/** What earlier fetches of this test published, as the fetcher remembers it. */
	private final InMemoryHistory memory = new InMemoryHistory();

	/** A fresh stub of the forge under test. */
	protected abstract StubForge newStub() throws Exception;

	@BeforeEach
	void startStub() throws Exception {
		stub = newStub();
	}

	@AfterEach
	void stopStub() {
		stub.close();
	}

	@Test
	void readsNewestFirstAcrossManyPages() {
		List<StubCommit> history = history("many", 537);
		stub.repository(stub.path("many"), history);

		Fetch fetch = fetch("many", 1000);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(shas(published)).containsExactlyElementsOf(shas(history, 537));
	}

	@Test
	void stopsAtExactlyTheLimitWhenItIsSmallerThanAPage() {
		List<StubCommit> history = history("small-limit", 120);
		stub.repository(stub.path("small-limit"), history);

		Fetch fetch = fetch("small-limit", 7);

		assertThat(fetch.commitsDiscovered()).isEqualTo(7);
		assertThat(shas(published)).containsExactlyElementsOf(shas(history, 7));
	}

	@Test
	void stopsAtExactlyTheLimitAcrossPages() {
		List<StubCommit> history = history("limit", 400);
		stub.repository(stub.path("limit"), history);

		Fetch fetch = fetch("limit", 250);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(shas(published)).containsExactlyElementsOf(shas(history, 250));
	}

	@Test
	void readsAllCommitsWhenTheLimitIsLargerThanTheRepository() {
		List<StubCommit> history = history("few", 42);
		stub.repository(stub.path("few"), history);

		Fetch fetch = fetch("few", 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(42);
		assertThat(shas(published)).containsExactlyElementsOf(shas(history, 42));
	}

	@Test
	void completesAnEmptyRepositoryWithNoCommits() {
		stub.emptyRepository(stub.path("empty"));

		Fetch fetch = fetch("empty", 100);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isZero();
		assertThat(published).isEmpty();
		assertThat(mailmaps).as("no head, so no mailmap to read").isEmpty();
	}

	@Test
	void failsAMissingRepositoryAsNotFound() {
		Fetch fetch = fetch("missing", 100);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).startsWith("repository not found");
		assertThat(published).isEmpty();
	}

	@Test
	void failsBadCredentialsWithTheForgesReason() {
		assumeTrue(stub.supports(Capability.CREDENTIALS), "this forge type has no credentials to reject");
		stub.repository(stub.path("private"), history("private", 10));
		stub.rejectCredentialsOnce();

		Fetch fetch = fetch("private", 100);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).containsIgnoringCase("credentials");
		assertThat(published).isEmpty();
	}

	@Test
	void waitsOutARateLimitThenCompletes() {
		assumeTrue(stub.supports(Capability.RATE_LIMIT), "this forge type has no API rate limit");
		List<StubCommit> history = history("limited", 150);
		stub.repository(stub.path("limited"), history);
		stub.rateLimitOnce(1);

		Fetch fetch = fetch("limited", 1000);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(shas(published)).containsExactlyElementsOf(shas(history, 150));
	}

	@Test
	void retriesAServerErrorThenCompletes() {
		assumeTrue(stub.supports(Capability.SERVER_ERROR), "this forge type answers no HTTP status");
		List<StubCommit> history = history("flaky", 150);
		stub.repository(stub.path("flaky"), history);
		stub.serverErrorOnce();

		Fetch fetch = fetch("flaky", 1000);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(shas(published)).containsExactlyElementsOf(shas(history, 150));
	}

	@Test
	void retriesAnAnswerThatCannotBeReadThenCompletes() {
		assumeTrue(stub.supports(Capability.MALFORMED_ANSWER), "this forge type has no answer body to break");
		List<StubCommit> history = history("cut", 150);
		stub.repository(stub.path("cut"), history);
		stub.malformed(1);

		Fetch fetch = fetch("cut", 1000);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(shas(published)).containsExactlyElementsOf(shas(history, 150));
	}

	@Test
	void failsClearlyWhenEveryAnswerIsMalformedAndInventsNothing() {
		assumeTrue(stub.supports(Capability.MALFORMED_ANSWER), "this forge type has no answer body to break");
		stub.repository(stub.path("broken"), history("broken", 10));
		stub.malformed(Integer.MAX_VALUE);

		Fetch fetch = fetch("broken", 100);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).contains("not a commit list").contains("gave up after");
		assertThat(published).isEmpty();
	}

	@Test
	void setsAsideAnItemOfTheWrongShapeAndPublishesEveryOtherCommitOfItsPage() {
		assumeTrue(stub.supports(Capability.MISTYPED_ITEM), "this forge type sends no typed JSON fields");
		List<StubCommit> history = history("mistyped", 150);
		stub.mistype(history.get(5).sha());
		stub.repository(stub.path("mistyped"), history);

		Fetch fetch = fetch("mistyped", 1000);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		List<String> others = new ArrayList<>(shas(history, 150));
		others.remove(5);
		assertThat(shas(published)).containsExactlyElementsOf(others);
	}

	@Test
	void keepsUnicodeNamesAndUnlinkedAuthorsAsTheyAre() {
		Instant at = Instant.parse("2024-02-29T12:00:00Z");
		List<StubCommit> history = List.of(
				new StubCommit(sha("unicode-1"), "Zoë Ångström 李小龙 🚀", "zoe@example.org", null, at, "Ünïcode ✨"),
				new StubCommit(sha("unicode-2"), "Linked Person", "linked@example.org", "linked", at.minusSeconds(60),
						"Second"));
		stub.repository(stub.path("unicode"), history);

		Fetch fetch = fetch("unicode", 10);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		DiscoveredCommit unlinked = published.get(0);
		assertThat(unlinked.author().name()).isEqualTo("Zoë Ångström 李小龙 🚀");
		assertThat(unlinked.author().email()).isEqualTo("zoe@example.org");
		assertThat(unlinked.author().login()).isNull();
		assertThat(unlinked.authoredAt()).isEqualTo(at);
		if (stub.supports(Capability.UNLINKED_ACCOUNTS)) {
			assertThat(published.get(1).author().login()).isEqualTo("linked");
		}
	}

	@Test
	void readsTheCoAuthorsOfEachCommitFromItsWholeMessage() {
		Instant at = Instant.parse("2024-05-01T12:00:00Z");
		List<StubCommit> history = List.of(new StubCommit(sha("co-1"), "Ada", "ada@example.org", null, at,
				"Pair on the parser\n\nA body line.\n\nSigned-off-by: Ada <ada@example.org>\n"
						+ "Co-authored-by: Grace Hopper <grace@example.org>\nco-authored-by: Zoë Ångström <zoe@example.org>"),
				new StubCommit(sha("co-2"), "Ada", "ada@example.org", null, at.minusSeconds(60),
						"Explain\n\nCo-authored-by: Not A Trailer <nobody@example.org>\nbecause prose follows."));
		stub.repository(stub.path("co-authored"), history);

		Fetch fetch = fetch("co-authored", 10);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(published.get(0).messageHeadline()).isEqualTo("Pair on the parser");
		assertThat(published.get(0).coAuthors()).containsExactly(new CoAuthor("Grace Hopper", "grace@example.org"),
				new CoAuthor("Zoë Ångström", "zoe@example.org"));
		assertThat(published.get(1).coAuthors()).isEmpty();
	}

	@Test
	void publishesTheMailmapAtTheHeadItFetchedOnce() {
		String text = "# who is who\nAda Lovelace <ada@example.org> <ada@old.example.org>\n"
				+ "李小龙 <li@example.org> Bruce <bruce@example.org>\n";
		List<StubCommit> history = history("mapped", 150);
		stub.mailmap(stub.path("mapped"), text);
		stub.repository(stub.path("mapped"), history);

		Fetch fetch = fetch("mapped", 1000);
		Fetch again = fetch("mapped", 1000);
		Fetch full = fetch("mapped", 1000, FetchMode.FULL);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(again.status()).as(String.valueOf(again.error())).isEqualTo(FetchStatus.COMPLETED);
		String head = stub.servedSha(history.get(0));
		assertThat(mailmaps).as("not for the second fetch: its head had not moved; again for a full one")
			.containsExactly(new PublishedMailmap(fetch.id(), head, new Mailmap(text, false)),
					new PublishedMailmap(full.id(), head, new Mailmap(text, false)));
	}

	@Test
	void publishesThatThereIsNoMailmapWhenTheRepositoryHasNone() {
		List<StubCommit> history = history("unmapped", 30);
		stub.repository(stub.path("unmapped"), history);

		Fetch fetch = fetch("unmapped", 100);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(mailmaps)
			.containsExactly(new PublishedMailmap(fetch.id(), stub.servedSha(history.get(0)), Mailmap.NONE));
	}

	@Test
	void passesOnAMailmapLargerThan256KiBAsTruncatedWithoutItsText() {
		stub.mailmap(stub.path("huge-map"), "Ada <ada@example.org>\n".repeat(15_000));
		stub.repository(stub.path("huge-map"), history("huge-map", 5));

		Fetch fetch = fetch("huge-map", 100);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(mailmaps).singleElement()
			.satisfies(mailmap -> assertThat(mailmap.mailmap()).isEqualTo(Mailmap.tooLarge()));
	}

	@Test
	void waitsOutARateLimitOnTheMailmapAsOnAPageThenPublishesIt() {
		assumeTrue(stub.supports(Capability.RATE_LIMIT), "this forge type has no API rate limit");
		List<StubCommit> history = history("map-limited", 20);
		stub.mailmap(stub.path("map-limited"), "Ada <ada@example.org>\n");
		stub.repository(stub.path("map-limited"), history);
		((HttpStubForge) stub).rateLimitTheNextMailmap();

		Fetch fetch = fetch("map-limited", 100);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(mailmaps).singleElement()
			.satisfies(mailmap -> assertThat(mailmap.mailmap().text()).isEqualTo("Ada <ada@example.org>\n"));
	}

	@Test
	void publishesAnEmptyMailmapAsEmptyTextNotAsNone() {
		stub.mailmap(stub.path("empty-map"), "");
		stub.repository(stub.path("empty-map"), history("empty-map", 3));

		fetch("empty-map", 10);

		assertThat(mailmaps).singleElement().satisfies(mailmap -> assertThat(mailmap.mailmap().text()).isEmpty());
	}

	@Test
	void completesTheFetchWithItsCommitsWhenTheMailmapCannotBeRead() {
		assumeTrue(stub.supports(Capability.SERVER_ERROR), "this forge type answers no HTTP status");
		List<StubCommit> history = history("map-fails", 150);
		stub.mailmap(stub.path("map-fails"), "Ada <ada@example.org>\n");
		stub.repository(stub.path("map-fails"), history);
		stub.failMailmaps();

		Fetch fetch = fetch("map-fails", 1000);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(shas(published)).containsExactlyElementsOf(shas(history, 150));
		assertThat(mailmaps).isEmpty();
	}

	@Test
	void asksForEachPageOnceAndForOnePageWhenLittleOrNothingChanged() {
		assumeTrue(stub.supports(Capability.COUNTED_REQUESTS), "this forge's stub does not count requests");
		List<StubCommit> history = history("counted", 450);
		stub.repository(stub.path("counted"), history);
		int besides = stub.requestsBesidesPages();

		int first = requestsOf(() -> fetch("counted", 250));
		int unchanged = requestsOf(() -> fetch("counted", 250));
		List<StubCommit> pushed = new ArrayList<>(history("pushed", 5));
		pushed.addAll(history);
		stub.repository(stub.path("counted"), pushed);
		int incremental = requestsOf(() -> fetch("counted", 250));

		int pages = (250 + stub.pageSize() - 1) / stub.pageSize();
		assertThat(first).as("ceil(250 / page size) pages, then the .mailmap").isEqualTo(besides + pages + 1);
		assertThat(unchanged).as("the first page, or its 304").isEqualTo(besides + 1);
		assertThat(incremental).as("the first page holds every new commit; the head moved: the .mailmap")
			.isEqualTo(besides + 2);
		assertThat(published).hasSize(255);
	}

	private int requestsOf(Runnable fetch) {
		int before = stub.requests();
		fetch.run();
		return stub.requests() - before;
	}

	/**
	 * Runs a whole fetch of {@code name} through the use case, as the fetcher does,
	 * remembering what earlier fetches of the test published.
	 */
	protected Fetch fetch(String name, int limit) {
		return fetch(name, limit, FetchMode.INCREMENTAL);
	}

	private Fetch fetch(String name, int limit, FetchMode mode) {
		RepositoryPath path = stub.forge().type().parsePath(stub.path(name));
		CommitLog log = (fetch, commits) -> Mono.fromRunnable(() -> published.addAll(commits));
		MailmapLog mailmapLog = (fetch, head, mailmap, asked) -> Mono
			.fromRunnable(() -> mailmaps.add(new PublishedMailmap(fetch.id(), head, mailmap)));
		return FetchCommitsProbe.run(stub.forge(), log, mailmapLog, path, limit, mode, memory, Clock.systemUTC())
			.block(Duration.ofSeconds(60));
	}

	/** A mailmap as the fetch {@code fetchId} published it, read at {@code head}. */
	record PublishedMailmap(UUID fetchId, String head, Mailmap mailmap) {
	}

	/**
	 * {@code count} commits, newest first, an hour apart, by a handful of authors, some
	 * linked.
	 */
	public static List<StubCommit> history(String seed, int count) {
		List<StubCommit> commits = new ArrayList<>(count);
		Instant newest = Instant.parse("2025-06-01T00:00:00Z");
		for (int i = 0; i < count; i++) {
			int author = i % 5;
			commits.add(new StubCommit(sha(seed + "#" + i), "Author " + author, "author" + author + "@example.org",
					author % 2 == 0 ? "author" + author : null, newest.minusSeconds(3600L * i),
					"Change " + i + " of " + seed));
		}
		return commits;
	}

	protected static String sha(String seed) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> shas(List<DiscoveredCommit> commits) {
		return commits.stream().map(DiscoveredCommit::sha).toList();
	}

	private List<String> shas(List<StubCommit> history, int count) {
		return history.subList(0, count).stream().map(stub::servedSha).toList();
	}

}
