package dev.commitcollector.fetcher.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that sends exactly the bytes it is given: request lines no URI class
 * would build (bad percent-encoding, raw non-ASCII, control characters), odd headers, any
 * body.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * One request: the request target and header lines are written byte for byte
	 * (ISO-8859-1).
	 */
	record Request(String method, String target, Map<String, String> headers, byte[] body) {

		static Request get(String target) {
			return new Request("GET", target, Map.of(), new byte[0]);
		}

		static Request post(String target, String contentType, byte[] body) {
			return new Request("POST", target, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
					body);
		}

		Request with(String header, String value) {
			Map<String, String> more = new LinkedHashMap<>(headers);
			more.put(header, value);
			return new Request(method, target, more, body);
		}

		@Override
		public String toString() {
			String shown = method + " " + target;
			shown = shown.length() > 160 ? shown.substring(0, 160) + "...(" + shown.length() + " chars)" : shown;
			return shown.replaceAll("\\p{Cntrl}", "?") + (body.length == 0 ? "" : " body " + body.length + " bytes");
		}

	}

	record Answer(int status, String contentType, String body) {
	}

	static Answer send(int port, Request request) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder(request.method()).append(' ')
				.append(request.target())
				.append(" HTTP/1.1\r\nHost: 127.0.0.1:")
				.append(port)
				.append("\r\nConnection: close\r\n");
			request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (!request.headers().containsKey("Transfer-Encoding")) {
				head.append("Content-Length: ").append(request.body().length).append("\r\n");
			}
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(request.body());
				out.flush();
			}
			catch (java.net.SocketException ex) {
				// the server may answer and close before it has read a body it refuses;
				// read that answer
			}
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no answer to " + request, ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		try {
			in.transferTo(all);
		}
		catch (java.net.SocketException ex) {
			// the server may reset the connection once it has answered a request it will
			// not read to the end
			if (all.size() == 0) {
				throw ex;
			}
		}
		return all.toByteArray();
	}

	private static Answer parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			throw new IllegalStateException("not an HTTP answer: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunked(body);
		}
		return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers.get("content-type"),
				new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
	}

	private static String dechunked(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

}
