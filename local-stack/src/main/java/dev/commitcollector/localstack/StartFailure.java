package dev.commitcollector.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a service that exited while it started did so, as its log says: Spring Boot's
 * "APPLICATION FAILED TO START" report (a setting the service refused names its variable
 * there), else the last ERROR line; from text or from a structured log's JSON lines
 * ({@link Logged}). The run command prints it, so that whoever started the stack reads
 * the reason where they are looking, not only "see the log".
 */
final class StartFailure {

	/** The most of a log's end that is read: a failed start writes far less. */
	static final int MAX_BYTES = 256 * 1024;

	/** The most lines of a report that are repeated. */
	static final int MAX_LINES = 30;

	/** The longest line repeated: an ERROR line may end in a stack trace's message. */
	static final int MAX_LINE = 500;

	private static final String REPORT = "APPLICATION FAILED TO START";

	private StartFailure() {
	}

	/**
	 * The reason in what {@code log} holds from byte {@code from} on (what this start
	 * wrote); empty when it says none.
	 */
	static String in(Path log, long from) {
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long start = Math.max(from, file.length() - MAX_BYTES);
			byte[] bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			return of(new String(bytes, StandardCharsets.UTF_8).lines().toList());
		}
		catch (IOException unreadable) {
			return "";
		}
	}

	/** The reason in {@code lines} of a log; empty when they say none. */
	static String of(List<String> lines) {
		List<Logged> events = Logged.in(lines);
		for (int i = events.size() - 1; i >= 0; i--) {
			List<String> text = events.get(i).text();
			for (int report = 0; report < text.size(); report++) {
				if (text.get(report).contains(REPORT)) {
					return said(text.subList(report + 1, text.size()));
				}
			}
		}
		for (int i = events.size() - 1; i >= 0; i--) {
			if (events.get(i).isError()) {
				return cut(events.get(i).text().get(0).strip());
			}
		}
		return "";
	}

	/** A report's lines without its frame and blank lines, within the bounds. */
	private static String said(List<String> report) {
		List<String> said = new ArrayList<>();
		for (String line : report) {
			if (said.size() == MAX_LINES) {
				break;
			}
			if (!line.isBlank() && !line.strip().chars().allMatch(c -> c == '*')) {
				said.add(cut(line.stripTrailing()));
			}
		}
		return String.join("\n", said);
	}

	private static String cut(String line) {
		return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
	}

}
