package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fetcher's own folder of git fetches, and what is left of one that was killed. */
class OwnedFolderTest {

	@TempDir
	Path shared;

	@Test
	void deletesTheFolderOfAFetcherThatWasKilledButNotOfOneThatRuns() throws Exception {
		Process fetcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Holder.class.getName(), shared.toString())
			.redirectErrorStream(true)
			.start();
		try {
			Path folder;
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(fetcher.getInputStream(), StandardCharsets.UTF_8))) {
				folder = folderIn(out);

				assertThat(OwnedFolder.clearUnowned(shared)).isZero();
				assertThat(folder.resolve("git-fetch-1/pack")).exists();

				fetcher.destroyForcibly();
				assertThat(fetcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}

			assertThat(OwnedFolder.clearUnowned(shared)).isEqualTo(1);
			assertThat(folder).doesNotExist();
			try (var left = Files.list(shared)) {
				assertThat(left).isEmpty();
			}
		}
		finally {
			fetcher.destroyForcibly();
		}
	}

	@Test
	void keepsItsOwnFolderFromOtherFetchersAfterLookingForLeftoversAndDeletesItWhenClosed() throws Exception {
		OwnedFolder own = OwnedFolder.claim(shared);
		Files.writeString(own.path().resolve("pack"), "x");

		assertThat(OwnedFolder.clearUnowned(shared)).isZero();
		assertThat(own.path().resolve("pack")).exists();
		// another fetcher starting now must still find the lock held
		Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Sweeper.class.getName(), shared.toString())
			.redirectErrorStream(true)
			.start();
		String said = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(said).contains(CLEARED + "0");
		assertThat(own.path().resolve("pack")).exists();

		own.close();
		try (var left = Files.list(shared)) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void deletesWhatAFetcherThatDiedTakingItsLockLeft() throws IOException {
		Files.createDirectories(shared.resolve("fetcher-gone"));
		Files.createFile(shared.resolve("fetcher-gone.lock.new"));

		assertThat(OwnedFolder.clearUnowned(shared)).isEqualTo(1);
		try (var left = Files.list(shared)) {
			assertThat(left).isEmpty();
		}
	}

	private static final String FOLDER = "folder=";

	/** The folder the fetcher says it holds, past whatever it logs before. */
	private static Path folderIn(BufferedReader out) throws IOException {
		for (String line = out.readLine(); line != null; line = out.readLine()) {
			if (line.startsWith(FOLDER)) {
				return Path.of(line.substring(FOLDER.length()));
			}
		}
		throw new IllegalStateException("the fetcher ended without holding a folder");
	}

	private static final String CLEARED = "cleared=";

	/** A fetcher starting: it clears what it finds unowned. */
	static final class Sweeper {

		public static void main(String[] args) {
			System.out.println(CLEARED + OwnedFolder.clearUnowned(Path.of(args[0])));
		}

	}

	/** A fetcher holding its folder until it is killed. */
	static final class Holder {

		public static void main(String[] args) throws Exception {
			OwnedFolder own = OwnedFolder.claim(Path.of(args[0]));
			Path pack = Files.createDirectories(own.path().resolve("git-fetch-1")).resolve("pack");
			Files.writeString(pack, "x");
			System.out.println(FOLDER + own.path());
			System.out.flush();
			// held until the test kills it
			Thread.currentThread().join();
		}

	}

}
