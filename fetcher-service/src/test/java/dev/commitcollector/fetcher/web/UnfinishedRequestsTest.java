package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.commitcollector.fetcher.FetcherInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clients that open a connection and do not finish with it: a body that stops halfway, a
 * body trickled in a byte at a time, a connection that sends nothing. Once its deadline
 * (short here) has passed, each is answered 408 with a problem detail where a request
 * began, and closed, without an ERROR in the log. The client's own read timeout is far
 * longer than any deadline, so a server that waits for ever fails the test instead of
 * hanging it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fetcher.topic.name=commits.discovered.unfinished-test", "fetcher.http.body-pause=1s",
				"fetcher.http.body=3s", "server.netty.idle-timeout=2s" })
class UnfinishedRequestsTest {

	private static final int CLIENT_PATIENCE_MILLIS = 30_000;

	/** Refused once read whole (no such forge), so no test starts a fetch. */
	private static final String BODY = "{\"provider\":\"nowhere\",\"repository\":\"acme/widgets\",\"limit\":10}";

	@LocalServerPort
	int port;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		FetcherInfrastructure.register(registry);
	}

	@BeforeEach
	void captureLog() {
		log.start();
		root().addAppender(log);
	}

	@AfterEach
	void noErrorLogged() {
		root().detachAppender(log);
		assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	@Test
	void closesAConnectionWhoseBodyStopsHalfway() throws IOException {
		try (Socket socket = connect()) {
			socket.getOutputStream().write(head(BODY.length()));
			socket.getOutputStream().write(BODY.substring(0, 20).getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();

			assertThat(answerBeforeClose(socket.getInputStream())).startsWith("HTTP/1.1 408")
				.contains("application/problem+json")
				.contains("did not arrive in time");
		}
	}

	@Test
	void closesAConnectionWhoseBodyTricklesInPastItsDeadline() throws IOException, InterruptedException {
		String padded = BODY + " ".repeat(200);
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(head(padded.length()));
			int sent = 0;
			try {
				// a byte every half second: never a pause of a whole second, but 100 s
				// for
				// the body
				for (; sent < padded.length() && socket.getInputStream().available() == 0; sent++) {
					out.write(padded.charAt(sent));
					out.flush();
					Thread.sleep(500);
				}
			}
			catch (SocketException closedByTheServer) {
				// what is expected
			}
			assertThat(sent).as("bytes of the body sent before the server gave up").isLessThan(padded.length());
			assertThat(answerBeforeClose(socket.getInputStream())).startsWith("HTTP/1.1 408")
				.contains("did not arrive in time");
		}
	}

	@Test
	void closesAConnectionThatSendsNothing() throws IOException {
		try (Socket socket = connect()) {
			assertThat(answerBeforeClose(socket.getInputStream())).isEmpty();
		}
	}

	@Test
	void answersABodyThatArrivesInPiecesWithinItsDeadlines() throws IOException, InterruptedException {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(head(BODY.length()));
			out.write(BODY.substring(0, 20).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread.sleep(300);
			out.write(BODY.substring(20).getBytes(StandardCharsets.US_ASCII));
			out.flush();

			assertThat(answerBeforeClose(socket.getInputStream())).startsWith("HTTP/1.1 400").contains("nowhere");
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(CLIENT_PATIENCE_MILLIS);
		return socket;
	}

	/**
	 * A request that asks to keep its connection alive (HTTP/1.1's default): the server,
	 * not the client, has to end it.
	 */
	private byte[] head(int contentLength) {
		return ("POST /api/v1/fetches HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Whatever the server wrote before it closed the connection; fails if it kept the
	 * connection open past the client's patience.
	 */
	private static String answerBeforeClose(InputStream in) throws IOException {
		StringBuilder answer = new StringBuilder();
		try {
			for (int b = in.read(); b >= 0; b = in.read()) {
				answer.append((char) b);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError(
					"the server kept the connection open for " + CLIENT_PATIENCE_MILLIS + " ms; it had sent: " + answer,
					ex);
		}
		catch (SocketException reset) {
			// closed with a reset: as closed as it gets
		}
		return answer.toString();
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
	}

}
