package dev.commitcollector.query.persistence;

import java.util.List;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.Option;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rows arrive in PostgreSQL's binary format. In the text format every timestamp is parsed
 * by a {@code DateTimeFormatter}: under load that was a fifth of the query-service's CPU
 * (docs/performance.md, "Reads near the SQL"); binary timestamps are two longs, read by
 * {@link ExactTimestamps} rather than the driver so that dates before the Gregorian
 * reform come out as PostgreSQL holds them.
 */
@Configuration(proxyBeanMethods = false)
class BinaryResults {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer forceBinary() {
		return options -> options.option(Option.valueOf("forceBinary"), true)
			.option(PostgresqlConnectionFactoryProvider.EXTENSIONS, List.of(new ExactTimestamps()));
	}

}
