package dev.commitcollector.store;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import reactor.core.publisher.Hooks;

/** Consumes CommitDiscovered events and stores each commit once: the write side. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoreApplication {

	/**
	 * Takes where the HTTP port, PostgreSQL and Kafka are first (this is the first bean
	 * created), so that a value that cannot work fails the start naming its variable
	 * before anything connects, not deep in a driver once other beans have started.
	 */
	StoreApplication(ServerPort port, PostgresAddress postgres, ConnectRetries retries, BrokerAddress kafka) {
	}

	public static void main(String[] args) {
		// Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request
		// arrives before the previous answer has fully ended
		// (reactor/reactor-netty#4361): that request then waits until the client gives
		// up. Ending each answer before the next read avoids it.
		System.setProperty("reactor.netty.http.server.lastFlushWhenNoRead", "true");
		sayDroppedErrorsAtWarn();
		StoppedWhileStarting.guard(new SpringApplication(StoreApplication.class)).run(args);
	}

	/**
	 * A write batch in flight beside one that failed is cancelled, and its own failure
	 * (PostgreSQL gone for both) may arrive after that with no one left to tell: one line
	 * saying so, not Reactor's stack trace at ERROR. The failed batch is retried.
	 */
	static void sayDroppedErrorsAtWarn() {
		Hooks.onErrorDropped(error -> LoggerFactory.getLogger(StoreApplication.class)
			.warn("after its write was cancelled: {}", error.toString()));
	}

}
