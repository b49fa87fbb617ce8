package dev.commitcollector.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * An error that arrives after what it belonged to was cancelled has no one left to tell;
 * Reactor's default says it at ERROR with a stack trace, beside the line that reported
 * the failure it came with.
 */
@ExtendWith(OutputCaptureExtension.class)
class DroppedErrorsTest {

	@AfterEach
	void resetHook() {
		Hooks.resetOnErrorDropped();
	}

	@Test
	void saysAnErrorThatArrivedAfterItsCancellationOnOneWarnLine(CapturedOutput output) {
		QueryApplication.sayDroppedErrorsAtWarn();

		Operators.onErrorDropped(new IllegalStateException("PostgreSQL went away"), Context.empty());

		assertThat(output.getAll())
			.contains("after its request was cancelled: java.lang.IllegalStateException: PostgreSQL went away")
			.contains("WARN")
			.doesNotContain("ERROR")
			.doesNotContain("\tat ");
	}

}
