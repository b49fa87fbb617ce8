package dev.commitcollector.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventLoopsTest {

	private static final String WORKERS = "reactor.netty.ioWorkerCount";

	private String before;

	@BeforeEach
	void remember() {
		before = System.getProperty(WORKERS);
		System.clearProperty(WORKERS);
	}

	@AfterEach
	void restore() {
		if (before == null) {
			System.clearProperty(WORKERS);
		}
		else {
			System.setProperty(WORKERS, before);
		}
	}

	@Test
	void runsOneEventLoopPerCoreWhereReactorNettyWouldRunAtLeastFour() {
		QueryApplication.oneEventLoopPerCore();

		assertThat(System.getProperty(WORKERS)).isEqualTo(String.valueOf(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void keepsTheEventLoopsTheOperatorAskedFor() {
		System.setProperty(WORKERS, "6");

		QueryApplication.oneEventLoopPerCore();

		assertThat(System.getProperty(WORKERS)).isEqualTo("6");
	}

}
