package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartFailureTest {

	@Test
	void repeatsSpringBootsReportWithoutItsFrame() {
		List<String> log = """
				2026-12-03T07:15:23.238Z  WARN 6025 --- [fetcher-service] [main] o.s.b.w.r.c.Context : cancelling refresh
				2026-12-03T07:15:23.317Z ERROR 6025 --- [fetcher-service] [main] o.s.b.d.LoggingFailureAnalysisReporter :

				***************************
				APPLICATION FAILED TO START
				***************************

				Description:

				Failed to bind properties under 'fetcher.watches.max' to int:

				    Property: fetcher.watches.max
				    Reason: WATCH_MAX must be at least 1

				Action:

				Update your application's configuration

				2026-12-03T07:15:23.400Z  INFO 6025 --- [fetcher-service] [main] o.a.k.Something : closed
				"""
			.lines()
			.toList();

		assertThat(StartFailure.of(log)).isEqualTo("""
				Description:
				Failed to bind properties under 'fetcher.watches.max' to int:
				    Property: fetcher.watches.max
				    Reason: WATCH_MAX must be at least 1
				Action:
				Update your application's configuration""");
	}

	@Test
	void repeatsTheLastErrorLineWhenThereIsNoReport() {
		List<String> log = List.of("2026-12-03T07:15:23.238Z ERROR 1 --- [main] x : first",
				"2026-12-03T07:15:23.239Z ERROR 1 --- [main] x : POSTGRES_PORT must be a port number, was 'abc'",
				"\tat some.Frame(Frame.java:1)");

		assertThat(StartFailure.of(log)).endsWith("POSTGRES_PORT must be a port number, was 'abc'");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"@timestamp\":\"2026-12-03T12:04:34.4Z\",\"log\":{\"level\":\"ERROR\",\"logger\":\"o.s.b.d.R\"},"
					+ "\"message\":\"\\n\\n***\\nAPPLICATION FAILED TO START\\n***\\n\\nDescription:\\n\\n"
					+ "WATCH_MAX must be at least 1 (it is '-5')\\n\\nAction:\\n\\nSet WATCH_MAX\\n\",\"ecs\":{}}",
			"{\"@timestamp\":\"2026-12-03T12:04:43.2Z\",\"message\":\"\\n\\n***\\nAPPLICATION FAILED TO START\\n"
					+ "***\\n\\nDescription:\\n\\nWATCH_MAX must be at least 1 (it is '-5')\\n\\nAction:\\n\\n"
					+ "Set WATCH_MAX\\n\",\"level\":\"ERROR\",\"level_value\":40000}",
			"{\"version\":\"1.1\",\"short_message\":\"\\n\\n***\\nAPPLICATION FAILED TO START\\n***\\n\\n"
					+ "Description:\\n\\nWATCH_MAX must be at least 1 (it is '-5')\\n\\nAction:\\n\\nSet WATCH_MAX\\n\","
					+ "\"level\":3}" })
	void readsTheReportFromAStructuredLog(String reported) {
		List<String> log = List.of(
				"{\"@timestamp\":\"2026-12-03T12:04:34.1Z\",\"log\":{\"level\":\"INFO\"},\"message\":\"starting\"}",
				reported, "{\"@timestamp\":\"2026-12-03T12:04:34.5Z\",\"level\":\"INFO\",\"message\":\"closed\"}");

		assertThat(StartFailure.of(log)).isEqualTo("""
				Description:
				WATCH_MAX must be at least 1 (it is '-5')
				Action:
				Set WATCH_MAX""");
	}

	@Test
	void repeatsTheLastErrorOfAStructuredLogWhenThereIsNoReport() {
		List<String> log = List.of(
				"{\"@timestamp\":\"2026-12-03T12:04:34.1Z\",\"log\":{\"level\":\"ERROR\"},\"message\":\"first\"}",
				"{\"version\":\"1.1\",\"short_message\":\"POSTGRES_PORT must be a port number\\nmore\",\"level\":3}",
				"{\"@timestamp\":\"2026-12-03T12:04:34.5Z\",\"level\":\"WARN\",\"message\":\"closing\"}");

		assertThat(StartFailure.of(log)).isEqualTo("POSTGRES_PORT must be a port number");
	}

	@Test
	void saysNothingWhenTheLogSaysNothing() {
		assertThat(StartFailure.of(List.of("2026-12-03T07:15:23.238Z  INFO 1 --- [main] x : started"))).isEmpty();
	}

	@Test
	void cutsALongLineAndALongReport() {
		String longLine = "x".repeat(2 * StartFailure.MAX_LINE);
		List<String> log = new java.util.ArrayList<>(List.of("APPLICATION FAILED TO START", longLine));
		for (int i = 0; i < 100; i++) {
			log.add("line " + i);
		}

		String said = StartFailure.of(log);

		assertThat(said.lines()).hasSize(StartFailure.MAX_LINES);
		assertThat(said.lines().findFirst().orElseThrow()).hasSize(StartFailure.MAX_LINE + 3);
	}

}
