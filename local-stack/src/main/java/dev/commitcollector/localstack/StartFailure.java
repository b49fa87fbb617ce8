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
 * there), else the last ERROR line. The run command prints it, so that whoever started
 * the stack reads the reason where they are looking, not only "see the log".
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
		int report = -1;
		for (int i = lines.size() - 1; i >= 0 && report < 0; i--) {
			if (lines.get(i).contains(REPORT)) {
				report = i;
			}
		}
		if (report >= 0) {
			List<String> said = new ArrayList<>();
			for (String line : lines.subList(report + 1, lines.size())) {
				if (said.size() == MAX_LINES || isLogLine(line) && !said.isEmpty()) {
					break;
				}
				if (!line.isBlank() && !line.startsWith("****")) {
					said.add(cut(line.stripTrailing()));
				}
			}
			return String.join("\n", said);
		}
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains(" ERROR ")) {
				return cut(lines.get(i).strip());
			}
		}
		return "";
	}

	/** A line the logger wrote (it starts with a timestamp), not part of a report. */
	private static boolean isLogLine(String line) {
		return line.length() > 10 && Character.isDigit(line.charAt(0)) && line.charAt(4) == '-'
				&& line.charAt(10) == 'T';
	}

	private static String cut(String line) {
		return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
	}

}
