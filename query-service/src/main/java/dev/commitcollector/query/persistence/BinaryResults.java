package dev.commitcollector.query.persistence;

import io.r2dbc.spi.Option;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rows arrive in PostgreSQL's binary format. In the text format every timestamp is parsed
 * by a {@code DateTimeFormatter}: under load that was a fifth of the query-service's CPU
 * (docs/performance.md, "Reads near the SQL"); binary timestamps are two longs.
 */
@Configuration(proxyBeanMethods = false)
class BinaryResults {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer forceBinary() {
		return options -> options.option(Option.valueOf("forceBinary"), true);
	}

}
