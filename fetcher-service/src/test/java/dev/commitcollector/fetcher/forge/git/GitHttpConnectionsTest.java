package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plain-git server's answers over HTTP are bounded: refs (a {@code GET}, or a v2
 * {@code ls-refs}) to the refs bound, a pack to the pack bound, all of them to the
 * fetch's deadline.
 */
class GitHttpConnectionsTest {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private static final String TEN_KB = "x".repeat(10 * 1024);

	private final MockWebServer server = new MockWebServer();

	@BeforeEach
	void start() throws IOException {
		server.start();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void boundsAFileOfAServerWithoutGitAsAPack() throws IOException {
		HttpConnection get = connections(1024, 64 * 1024, NOW).create(answering(TEN_KB, "/objects/pack/pack-1.pack"));
		get.setRequestMethod("GET");

		assertThat(readAll(get)).isEqualTo(TEN_KB.length());
	}

	@Test
	void stopsReadingAnAdvertisementOfRefsPastTheRefsBound() throws IOException {
		HttpConnection get = connections(1024, 64 * 1024, NOW).create(answering(TEN_KB, "/info/refs"));
		get.setRequestMethod("GET");

		assertThatExceptionOfType(GitHttpAnswer.TooLarge.class).isThrownBy(() -> readAll(get))
			.withMessageContaining("answer of refs grew beyond 1024 bytes");
	}

	@Test
	void boundsAV2RequestForRefsAsRefsAndAPackRequestAsAPack() throws IOException {
		HttpConnection lsRefs = post(connections(1024, 64 * 1024, NOW), "0014command=ls-refs\n0000");
		assertThatExceptionOfType(GitHttpAnswer.TooLarge.class).isThrownBy(() -> readAll(lsRefs))
			.withMessageContaining("answer of refs");

		HttpConnection fetch = post(connections(1024, 64 * 1024, NOW), "0012command=fetch\n0000");
		assertThat(readAll(fetch)).isEqualTo(TEN_KB.length());

		HttpConnection tooMuch = post(connections(64 * 1024, 4 * 1024, NOW), "0032want " + "a".repeat(40) + "\n0000");
		assertThatExceptionOfType(GitHttpAnswer.TooLarge.class).isThrownBy(() -> readAll(tooMuch))
			.withMessageContaining("answer of pack grew beyond 4096 bytes");
	}

	@Test
	void stopsReadingAnAnswerStillComingAtTheDeadline() throws IOException {
		Clock late = Clock.fixed(NOW.plus(Duration.ofSeconds(1)), ZoneOffset.UTC);
		HttpConnection get = new GitHttpConnections(NOW, 64 * 1024, 64 * 1024, late)
			.create(answering(TEN_KB, "/info/refs"));
		get.setRequestMethod("GET");

		assertThatExceptionOfType(GitHttpAnswer.PastDeadline.class).isThrownBy(() -> readAll(get))
			.withMessageContaining("FORGES_GIT_FETCHDEADLINE");
	}

	@Test
	void readsAnAnswerWithinItsBoundsWhole() throws IOException {
		HttpConnection get = connections(64 * 1024, 64 * 1024, NOW).create(answering(TEN_KB, "/info/refs"));
		get.setRequestMethod("GET");

		assertThat(readAll(get)).isEqualTo(TEN_KB.length());
	}

	/**
	 * A v0 smart-HTTP advertisement of {@code refs} branches, as {@code git http-backend}
	 * sends it.
	 */
	static String advertisement(int refs) {
		StringBuilder body = new StringBuilder(pktLine("# service=git-upload-pack\n")).append("0000");
		String sha = HexFormat.of().formatHex(new byte[20]).replace('0', 'a');
		body.append(pktLine(sha + " HEAD\0multi_ack shallow no-progress symref=HEAD:refs/heads/main\n"));
		for (int i = 0; i < refs; i++) {
			body.append(pktLine(sha + " refs/heads/branch-" + i + "\n"));
		}
		return body.append("0000").toString();
	}

	private static String pktLine(String line) {
		return String.format("%04x", line.length() + 4) + line;
	}

	private static GitHttpConnections connections(long maxRefs, long maxPack, Instant now) {
		return new GitHttpConnections(now.plus(Duration.ofMinutes(1)), maxRefs, maxPack,
				Clock.fixed(now, ZoneOffset.UTC));
	}

	private URL answering(String body) {
		return answering(body, "/git-upload-pack");
	}

	private URL answering(String body, String below) {
		server.enqueue(new MockResponse.Builder().code(200).body(body).build());
		return server.url("/acme/repo.git" + below).url();
	}

	private HttpConnection post(GitHttpConnections connections, String request) throws IOException {
		HttpConnection post = connections.create(answering(TEN_KB));
		post.setRequestMethod("POST");
		post.setDoOutput(true);
		try (OutputStream out = post.getOutputStream()) {
			out.write(request.getBytes(StandardCharsets.US_ASCII));
		}
		return post;
	}

	private static int readAll(HttpConnection connection) throws IOException {
		try (InputStream in = connection.getInputStream()) {
			return in.readAllBytes().length;
		}
	}

}
