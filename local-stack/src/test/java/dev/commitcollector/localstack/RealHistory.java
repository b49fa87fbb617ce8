package dev.commitcollector.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.localstack.SyntheticHistory.Commit;

/**
 * The history of a real repository, newest first, in the order {@code git log} lists it
 * from {@code HEAD}: for benchmarks that serve or store what a real forge would hold.
 * Needs {@code git} on the path and a clone (a bare one is enough), for example
 * {@code git clone --bare https://github.com/git/git}. Each commit's message is the whole
 * of it, trailers included, as {@code git log} prints {@code %B};
 * {@link Commit#headline()} is its first line.
 */
final class RealHistory {

	private static final String FIELDS = "%H%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%P%x1f%B%x1e";

	private RealHistory() {
	}

	/** A real history and each commit's committer date (the stubs do not keep it). */
	record Read(List<Commit> commits, List<OffsetDateTime> committedAt) {

		int size() {
			return commits.size();
		}

	}

	static Read of(Path repository) throws IOException, InterruptedException {
		if (!Files.isDirectory(repository)) {
			throw new IllegalArgumentException(repository + " is not a git repository; clone one first, e.g. "
					+ "git clone --bare https://github.com/git/git " + repository);
		}
		Process git = new ProcessBuilder("git", "-C", repository.toString(), "log", "--format=" + FIELDS, "HEAD")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		List<Commit> commits = new ArrayList<>();
		List<OffsetDateTime> committed = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(git.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
			StringBuilder record = new StringBuilder();
			int c;
			while ((c = reader.read()) != -1) {
				if (c != 0x1e) {
					record.append((char) c);
					continue;
				}
				// not strip(): Java counts the unit separator as whitespace
				String[] f = record.toString().replaceFirst("^\n", "").split("\u001f", 7);
				record.setLength(0);
				String parents = f[5].strip();
				// %B ends in a newline; a message may hold any character but the record
				// separator
				commits.add(new Commit(f[0], f[1], f[2], null, OffsetDateTime.parse(f[3]).toInstant(),
						f[6].replaceFirst("\n+$", ""), parents.isEmpty() ? null : parents.split(" ")[0]));
				committed.add(OffsetDateTime.parse(f[4]));
			}
		}
		if (git.waitFor() != 0) {
			throw new IOException("git log in " + repository + " exited with " + git.exitValue());
		}
		return new Read(List.copyOf(commits), List.copyOf(committed));
	}

}
