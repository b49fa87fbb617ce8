package dev.commitcollector.store.persistence;

import java.time.Duration;

import dev.commitcollector.store.SettingRefused;
import java.util.Map;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a store session may hold on to. A store frozen in the middle of a write
 * transaction (a long pause, a stalled host) keeps the rows it wrote locked, and the
 * store that takes its partitions over writes the same rows: its statement waits at most
 * {@code lockTimeout} for a lock, fails, and the batch is tried again with backoff; and
 * PostgreSQL ends a session left idle inside a transaction for
 * {@code idleInTransactionTimeout}, which releases the frozen store's locks (its batch,
 * never committed, is given to the new owner with its offsets).
 */
@Configuration(proxyBeanMethods = false)
class SessionLimits {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer sessionStartupParameters(Settings settings) {
		return builder -> builder.option(PostgresqlConnectionFactoryProvider.OPTIONS, settings.startupParameters());
	}

	/** {@code STORE_DB_LOCK_TIMEOUT}, {@code STORE_DB_IDLE_IN_TRANSACTION_TIMEOUT}. */
	@ConfigurationProperties("store.session")
	record Settings(@DefaultValue("10s") Duration lockTimeout, @DefaultValue("60s") Duration idleInTransactionTimeout) {

		Settings {
			if (lockTimeout.isNegative() || lockTimeout.isZero()) {
				throw new SettingRefused("lock-timeout", "STORE_DB_LOCK_TIMEOUT must be positive, such as 10s");
			}
			if (idleInTransactionTimeout.isNegative() || idleInTransactionTimeout.isZero()) {
				throw new SettingRefused("idle-in-transaction-timeout",
						"STORE_DB_IDLE_IN_TRANSACTION_TIMEOUT must be positive, such as 60s");
			}
		}

		/**
		 * The settings as PostgreSQL takes them when a session starts, in milliseconds.
		 */
		Map<String, String> startupParameters() {
			return Map.of("lock_timeout", String.valueOf(lockTimeout.toMillis()), "idle_in_transaction_session_timeout",
					String.valueOf(idleInTransactionTimeout.toMillis()));
		}

	}

}
