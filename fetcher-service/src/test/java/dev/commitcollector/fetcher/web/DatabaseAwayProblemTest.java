package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;

/**
 * A request the fetcher's database cannot answer (a listing, a lookup, a watch) is a 503
 * saying to try again, never a 500.
 */
class DatabaseAwayProblemTest {

	private final Problems problems = new Problems(new FetchLimits(1000, 100000));

	@Test
	void answers503ToADatabaseThatCannotBeReachedWhicheverWayItFails() {
		for (Exception away : new Exception[] { new DataAccessResourceFailureException("connection refused"),
				new R2dbcNonTransientResourceException("connection refused") }) {
			var answer = problems.databaseAway(away);

			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(answer.getBody().getDetail()).contains("database could not be reached")
				.contains("try again")
				.doesNotContain("connection refused");
		}
	}

}
