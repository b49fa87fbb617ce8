package dev.commitcollector.fetcher;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import reactor.core.publisher.Hooks;

/** Reads the newest commits of a repository from a forge and publishes them to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FetcherApplication {

	/**
	 * Takes where the HTTP port, PostgreSQL and Kafka are first (this is the first bean
	 * created), so that a value that cannot work fails the start naming its variable
	 * before anything connects, not deep in a driver once other beans have started.
	 */
	FetcherApplication(ServerPort port, PostgresAddress postgres, ConnectRetries retries, BrokerAddress kafka,
			TracingSampling sampling) {
	}

	public static void main(String[] args) {
		// Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request
		// arrives before the previous answer has fully ended
		// (reactor/reactor-netty#4361): that request then waits until the client gives
		// up. Ending each answer before the next read avoids it.
		System.setProperty("reactor.netty.http.server.lastFlushWhenNoRead", "true");
		sayDroppedErrorsAtWarn();
		StoppedWhileStarting.guard(new SpringApplication(FetcherApplication.class)).run(args);
	}

	/**
	 * A write that was under way when its fetch was cancelled (its partition moved, the
	 * instance stopping) may still answer, with no one left to tell: one line saying so,
	 * not Reactor's stack trace at ERROR.
	 */
	static void sayDroppedErrorsAtWarn() {
		Hooks.onErrorDropped(error -> LoggerFactory.getLogger(FetcherApplication.class)
			.warn("after its fetch was cancelled here: {}", error.toString()));
	}

}
