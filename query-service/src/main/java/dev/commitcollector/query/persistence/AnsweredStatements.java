package dev.commitcollector.query.persistence;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.reactivestreams.Publisher;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.validation.annotation.Validated;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every read must start answering within {@code statementTimeout}, or it fails as a
 * {@link QueryTimeoutException}: a 503 for the request. PostgreSQL's own
 * {@code statement_timeout} cannot do this for a server that hangs or a host lost without
 * a word, which send nothing; requests waited without end, and readiness never answered.
 * What is timed is the first row (or the end, for none) of each result: the driver hands
 * out a result before the server has said anything, and the rows after the first may take
 * as long as their reader (a slow client of a streamed answer) does.
 */
@ConfigurationProperties("query.database")
@Validated
record AnsweredStatements(
		@DefaultValue("15s") @NotNull @DurationMin(millis = 1,
				message = "QUERY_DB_STATEMENT_TIMEOUT must be positive") Duration statementTimeout,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 1,
				message = "query.database.health-timeout must be positive") Duration healthTimeout) {

	/** A statement's results, each failing if its first row is not there in time. */
	Flux<Result> answered(Publisher<? extends Result> results) {
		return Flux.<Result>from(results).map(Timed::new);
	}

	private <T> Flux<T> firstInTime(Publisher<T> rows) {
		Duration timeout = statementTimeout();
		return Flux.from(rows)
			.timeout(Mono.delay(timeout), row -> Mono.never())
			.onErrorMap(TimeoutException.class,
					late -> new QueryTimeoutException(
							"PostgreSQL did not answer a statement within " + timeout + " (QUERY_DB_STATEMENT_TIMEOUT)",
							late));
	}

	/** A result whose rows, counts and segments must start within the timeout. */
	private final class Timed implements Result {

		private final Result result;

		Timed(Result result) {
			this.result = result;
		}

		@Override
		public Publisher<Long> getRowsUpdated() {
			return firstInTime(result.getRowsUpdated());
		}

		@Override
		public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
			return firstInTime(result.map(mapping));
		}

		@Override
		public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
			return firstInTime(result.map(mapping));
		}

		@Override
		public Result filter(Predicate<Segment> filter) {
			return new Timed(result.filter(filter));
		}

		@Override
		public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapping) {
			return firstInTime(result.flatMap(mapping));
		}

	}

}
