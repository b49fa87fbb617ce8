package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

/**
 * One keep-alive connection, used as a browser uses it: the page, then the next request
 * the moment the page has arrived. Every request on it must be answered.
 */
class KeepAliveConnectionTest extends QueryIntegrationTest {

	private static final int ROUNDS = 300;

	@LocalServerPort
	int port;

	@Test
	void answersEveryRequestOnAConnectionThatAskedForThePageFirst() throws IOException {
		List<String> unanswered = new ArrayList<>();
		try (KeepAlive connection = new KeepAlive(port)) {
			for (int round = 0; round < ROUNDS && unanswered.isEmpty(); round++) {
				for (String target : List.of("/", "/ui/config", "/api/v1/repositories?size=1")) {
					if (connection.get(target) != 200) {
						unanswered.add("round " + round + ": " + target);
						break;
					}
				}
			}
		}
		assertThat(unanswered).isEmpty();
	}

	@Test
	void sendsThePageInChunksSoItEndsWithItsLastWrite() {
		web.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.CONTENT_LENGTH)
			.expectHeader()
			.valueEquals(HttpHeaders.TRANSFER_ENCODING, "chunked");
	}

	/**
	 * A blocking HTTP/1.1 client on one connection that sends each request as soon as the
	 * answer before it has been read; 0 for a request not answered in ten seconds.
	 */
	private static final class KeepAlive implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		private final int port;

		KeepAlive(int port) throws IOException {
			this.port = port;
			this.socket = new Socket("127.0.0.1", port);
			this.socket.setSoTimeout(10_000);
			this.in = new BufferedInputStream(socket.getInputStream());
			this.out = socket.getOutputStream();
		}

		int get(String target) throws IOException {
			out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			try {
				String status = line();
				long length = -1;
				boolean chunked = false;
				for (String header = line(); !header.isEmpty(); header = line()) {
					String lower = header.toLowerCase(Locale.ROOT);
					if (lower.startsWith("content-length:")) {
						length = Long.parseLong(lower.substring(15).trim());
					}
					chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
				}
				if (chunked) {
					for (long size = chunk(); size > 0; size = chunk()) {
						in.skipNBytes(size);
						line();
					}
					line();
				}
				else if (length > 0) {
					in.skipNBytes(length);
				}
				return Integer.parseInt(status.substring(9, 12));
			}
			catch (SocketTimeoutException ex) {
				return 0;
			}
		}

		private long chunk() throws IOException {
			return Long.parseLong(line().split(";")[0].trim(), 16);
		}

		private String line() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new IOException("connection closed mid-answer");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.ISO_8859_1);
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}

	}

}
