package dev.commitcollector.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service's or a launcher's log says, cut to what a failed assertion needs to
 * show: a whole log in an assertion's message is cut short by the build's report before
 * it reaches the line that matters.
 */
final class LogLines {

	private static final int CONTEXT = 6;

	private LogLines() {
	}

	/**
	 * Each line a service logged at ERROR since it was first started, with the few lines
	 * after it (its stack trace's start).
	 */
	static List<String> errors(ServiceProcess service) throws IOException {
		List<String> lines = service.logLines();
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(" ERROR ")) {
				errors.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 1 + CONTEXT))));
			}
		}
		return errors;
	}

	/** The log's last {@code count} lines, or why it cannot be read. */
	static String tail(Path log, int count) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
		}
		catch (IOException ex) {
			return log + " cannot be read: " + ex;
		}
	}

}
