package dev.commitcollector.query;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import reactor.core.publisher.Hooks;

/** The author-grouped read model over the commit store. Reads only. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApplication {

	/**
	 * Takes where the HTTP port and PostgreSQL are first (this is the first bean
	 * created), so that a value that cannot work fails the start naming its variable
	 * before anything connects, not deep in a driver once other beans have started.
	 */
	QueryApplication(ServerPort port, PostgresAddress postgres) {
	}

	public static void main(String[] args) {
		// Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request
		// arrives before the previous answer has fully ended
		// (reactor/reactor-netty#4361): that request then waits until the client gives
		// up. Ending each answer before the next read avoids it.
		System.setProperty("reactor.netty.http.server.lastFlushWhenNoRead", "true");
		oneEventLoopPerCore();
		sayDroppedErrorsAtWarn();
		SpringApplication.run(QueryApplication.class, args);
	}

	/**
	 * As many event loops as cores, unless {@code -Dreactor.netty.ioWorkerCount} says
	 * otherwise. Reactor Netty makes at least four, for the HTTP server and again for the
	 * PostgreSQL driver: on two cores, eight threads taking turns. With two and two, the
	 * keyset pages at 32 clients served 34-38 % of their SQL's throughput against 21-27 %
	 * in alternating runs, p99 13-21 ms against 16-24 ms (docs/performance.md, "One event
	 * loop per core").
	 */
	static void oneEventLoopPerCore() {
		if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
			System.setProperty("reactor.netty.ioWorkerCount",
					String.valueOf(Runtime.getRuntime().availableProcessors()));
		}
	}

	/**
	 * A read whose client went away is cancelled, and its own failure may arrive after
	 * that with no one left to tell: one line saying so, not Reactor's stack trace at
	 * ERROR.
	 */
	static void sayDroppedErrorsAtWarn() {
		Hooks.onErrorDropped(error -> LoggerFactory.getLogger(QueryApplication.class)
			.warn("after its request was cancelled: {}", error.toString()));
	}

}
