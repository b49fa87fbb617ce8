package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary repositories fetchers of earlier versions kept right under the shared
 * folder, before each fetcher had a folder of its own ({@link OwnedFolder}): one
 * untouched for longer than {@code idle} belongs to nobody (those fetchers touched a live
 * fetch's folder at every page, and deleted one nobody paged for that long), so a fetcher
 * of an earlier version still running beside this one during an upgrade keeps its
 * fetches.
 */
final class LeftoverFetches {

	private static final Logger log = LoggerFactory.getLogger(LeftoverFetches.class);

	private LeftoverFetches() {
	}

	static void clear(Path workDir, Duration idle, Clock clock) {
		if (!Files.isDirectory(workDir)) {
			return;
		}
		Instant before = clock.instant().minus(idle);
		int cleared = 0;
		try (DirectoryStream<Path> fetches = Files.newDirectoryStream(workDir, "git-fetch-*")) {
			for (Path fetch : fetches) {
				if (lastTouched(fetch).isBefore(before)) {
					FetchedHistory.deleteQuietly(fetch);
					cleared++;
				}
			}
		}
		catch (IOException ex) {
			log.warn("could not clear leftover git fetches under {}: {}", workDir, ex.getMessage());
			return;
		}
		if (cleared > 0) {
			log.info("deleted {} git fetch folders left under {} by a fetcher that stopped", cleared, workDir);
		}
	}

	private static Instant lastTouched(Path fetch) {
		try (Stream<Path> files = Files.walk(fetch)) {
			return files.map(LeftoverFetches::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
		}
		catch (IOException | RuntimeException ex) {
			return Instant.EPOCH;
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException gone) {
			return Instant.EPOCH;
		}
	}

}
