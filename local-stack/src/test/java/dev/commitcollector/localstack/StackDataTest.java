package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackDataTest {

	@TempDir
	Path directory;

	@Test
	void refusesASecondStackOnADirectoryInUseAndTakesItOnceReleased() throws Exception {
		try (StackData first = StackData.keptIn(directory)) {
			assertThatThrownBy(() -> StackData.keptIn(directory)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("another local stack is running on " + directory)
				.hasMessageContaining("STACK_DATA_DIR");
		}
		try (StackData again = StackData.keptIn(directory)) {
			assertThat(again.kept()).isTrue();
		}
	}

	@Test
	void refusesADirectoryItCannotCreateNamingTheVariableToChange() throws Exception {
		Path aFile = Files.writeString(directory.resolve("a-file"), "");

		assertThatThrownBy(() -> StackData.keptIn(aFile.resolve("data"))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cannot keep the stack's data in " + aFile.resolve("data"))
			.hasMessageContaining("set STACK_DATA_DIR to a directory you can write");
	}

	@Test
	void keepsWhatIsWrittenInAKeptDirectoryAndRemovesATemporaryOne() throws Exception {
		try (StackData kept = StackData.keptIn(directory)) {
			Files.createDirectories(kept.postgres());
			Files.writeString(kept.postgres().resolve("PG_VERSION"), "16");
		}
		assertThat(directory.resolve("postgres/PG_VERSION")).hasContent("16");

		StackData temporary = StackData.temporary();
		Files.createDirectories(temporary.kafka());
		temporary.close();
		assertThat(temporary.directory()).doesNotExist();
	}

	@Test
	void stopsAProcessThatAKilledStackOnTheSameDirectoryLeftRunning() throws Exception {
		Process leftover = new ProcessBuilder("sleep", "600").start();
		try {
			Path processes = directory.resolve("processes");
			try (StackData killed = StackData.keptIn(directory)) {
				killed.started(leftover.toHandle());
				// a SIGKILL runs no close(): the lock goes with the process, the list
				// stays
				Files.copy(processes, directory.resolve("left"));
			}
			Files.move(directory.resolve("left"), processes);

			try (StackData next = StackData.keptIn(directory)) {
				assertThat(leftover.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
				assertThat(processes).doesNotExist();
			}
		}
		finally {
			leftover.destroyForcibly();
		}
	}

	@Test
	void leavesAloneAProcessWhoseIdWasReusedSinceTheStackNotedIt() throws Exception {
		Process unrelated = new ProcessBuilder("sleep", "600").start();
		try {
			Files.writeString(directory.resolve("processes"), unrelated.pid() + " 2001-01-01T00:00:00Z\n");

			try (StackData next = StackData.keptIn(directory)) {
				assertThat(unrelated.waitFor(2, TimeUnit.SECONDS)).as("still running").isFalse();
			}
		}
		finally {
			unrelated.destroyForcibly();
		}
	}

}
