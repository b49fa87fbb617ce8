package dev.commitcollector.fetcher;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock the fetcher reads time from, so tests can move it. */
@Configuration(proxyBeanMethods = false)
class Clocks {

	/**
	 * Ticks in microseconds, what PostgreSQL keeps: a fetch reads the same from memory
	 * and from its row.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
