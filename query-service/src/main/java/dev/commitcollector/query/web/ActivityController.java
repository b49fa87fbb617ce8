package dev.commitcollector.query.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.commitcollector.query.domain.Activity.Period;
import dev.commitcollector.query.domain.Activity.Timeline;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.persistence.ActivityReadModel;
import dev.commitcollector.query.persistence.AuthorsReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Commits over time, for the page's charts: a repository's commits per period, and the
 * same periods for some of its authors. Periods are days, ISO weeks (from Monday) or
 * calendar months, in UTC; the window ends with the period of the repository's newest
 * commit dated today or before and holds at most {@code periods} of them, empty ones
 * included.
 */
@RestController
@RequestMapping(path = "/api/v1/repository", produces = MediaType.APPLICATION_JSON_VALUE)
class ActivityController {

	static final int DEFAULT_PERIODS = 120;

	static final int MAX_PERIODS = 520;

	static final int MAX_AUTHORS = 100;

	private static final String BAD_BY = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"by must be day, week or month (or absent, to fit the history), was 'year'\","
			+ "\"instance\":\"/api/v1/repository/activity\"}";

	private static final String BAD_PERIODS = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"periods must be between 1 and 520, was 0\",\"instance\":\"/api/v1/repository/activity\"}";

	private static final String NO_AUTHOR = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"author must be given 1 to 100 times (an author's key each), was given 0 distinct ones\","
			+ "\"instance\":\"/api/v1/repository/authors/activity\"}";

	/** Today in UTC, past which a commit's date does not move the window. */
	private final Clock clock = Clock.systemUTC();

	private final ActivityReadModel activity;

	private final AuthorsReadModel readModel;

	ActivityController(ActivityReadModel activity, AuthorsReadModel readModel) {
		this.activity = activity;
		this.readModel = readModel;
	}

	@GetMapping("/activity")
	@Operation(summary = "A repository's commits per day, week or month",
			description = "Commits per period, oldest first, empty periods included, over the last `periods` periods up"
					+ " to the newest commit's (dated today or before); `earlier` counts the commits before them, `later`"
					+ " those dated after today (a clock set wrong), which do not move the window. Without `by` the period fits"
					+ " the history: days up to about two months, weeks up to half a year, months beyond; the history less"
					+ " its oldest 1 % of commits, so a few dated years before the rest do not stretch it (they count in"
					+ " `earlier`).")
	@ApiResponse(responseCode = "200", description = "The repository's commits per period.")
	@ApiResponse(responseCode = "400",
			description = "A malformed provider, a missing or malformed repository, an unknown `by` or `periods` out of range.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "provider", value = QueryOpenApi.BAD_PROVIDER),
							@ExampleObject(name = "repository", value = QueryOpenApi.MISSING_REPOSITORY),
							@ExampleObject(name = "by", value = BAD_BY),
							@ExampleObject(name = "periods", value = BAD_PERIODS) }))
	@ApiResponse(responseCode = "404", description = "No commit of that repository is stored.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = @ExampleObject(name = "not stored", value = QueryOpenApi.NOT_STORED)))
	Mono<RepositoryActivity> repository(
			@Parameter(description = QueryOpenApi.PROVIDER,
					schema = @Schema(type = "string", pattern = QueryOpenApi.PROVIDER_PATTERN, maxLength = 40,
							defaultValue = "github")) @RequestParam(
									defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@Parameter(description = QueryOpenApi.REPOSITORY, required = true,
					schema = @Schema(type = "string", pattern = QueryOpenApi.REPOSITORY_PATTERN, maxLength = 300,
							example = "octocat/Hello-World")) @RequestParam(required = false) String repository,
			@Parameter(
					description = "The length of a period: `day`, `week` (ISO, from Monday) or `month`, in UTC; "
							+ "left out, the one that fits the history.",
					schema = @Schema(type = "string", allowableValues = { "day", "week", "month" })) @RequestParam(
							required = false) String by,
			@Parameter(description = "The most periods answered, the newest ones.",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "520",
							defaultValue = "120")) @RequestParam(required = false) Integer periods) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		Period period = period(by);
		int size = periods(periods);
		return stored(key).then(activity.days(key)).map(days -> {
			Timeline timeline = Timeline.of(days, period, size, LocalDate.now(clock));
			List<Long> counts = timeline.counts(days);
			List<PeriodCount> rows = new java.util.ArrayList<>(counts.size());
			for (int i = 0; i < counts.size(); i++) {
				rows.add(new PeriodCount(timeline.starts().get(i).toString(), counts.get(i)));
			}
			return new RepositoryActivity(key.provider(), key.path(), timeline.by().toString(), rows,
					timeline.earlier(days), timeline.later(days));
		});
	}

	@GetMapping("/authors/activity")
	@Operation(summary = "Some authors' commits per period of the repository's window",
			description = "For each `author` key (repeat the parameter, at most " + MAX_AUTHORS + "), the commits per"
					+ " period of the same window `/api/v1/repository/activity` answers with the same `by` and"
					+ " `periods`, in its order.")
	@Parameter(name = "author", in = ParameterIn.QUERY, required = true,
			description = "An author's `key`, as the authors list gives it; repeat the parameter for more authors, "
					+ "at most 100.",
			schema = @Schema(type = "string", maxLength = 1024, example = "login:octocat"))
	@ApiResponse(responseCode = "200", description = "Each asked author's commits per period.")
	@ApiResponse(responseCode = "400",
			description = "A malformed provider, a missing or malformed repository, an unknown `by`, `periods` out of range, or no `author` or more than 100.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "provider", value = QueryOpenApi.BAD_PROVIDER),
							@ExampleObject(name = "repository", value = QueryOpenApi.MISSING_REPOSITORY),
							@ExampleObject(name = "by", value = BAD_BY),
							@ExampleObject(name = "periods", value = BAD_PERIODS),
							@ExampleObject(name = "author", value = NO_AUTHOR) }))
	@ApiResponse(responseCode = "404", description = "No commit of that repository is stored.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = @ExampleObject(name = "not stored", value = QueryOpenApi.NOT_STORED)))
	Mono<AuthorsActivity> authors(
			@Parameter(description = QueryOpenApi.PROVIDER,
					schema = @Schema(type = "string", pattern = QueryOpenApi.PROVIDER_PATTERN, maxLength = 40,
							defaultValue = "github")) @RequestParam(
									defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@Parameter(description = QueryOpenApi.REPOSITORY, required = true,
					schema = @Schema(type = "string", pattern = QueryOpenApi.REPOSITORY_PATTERN, maxLength = 300,
							example = "octocat/Hello-World")) @RequestParam(required = false) String repository,
			@Parameter(
					description = "The length of a period: `day`, `week` (ISO, from Monday) or `month`, in UTC; "
							+ "left out, the one that fits the history.",
					schema = @Schema(type = "string", allowableValues = { "day", "week", "month" })) @RequestParam(
							required = false) String by,
			@Parameter(description = "The most periods answered, the newest ones.",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "520",
							defaultValue = "120")) @RequestParam(required = false) Integer periods,
			ServerWebExchange exchange) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		Period period = period(by);
		int size = periods(periods);
		// read as sent: a bound List<String> would split a key with a comma in two
		Set<String> authors = new LinkedHashSet<>(
				exchange.getRequest().getQueryParams().getOrDefault("author", List.of()));
		if (authors.isEmpty() || authors.size() > MAX_AUTHORS) {
			throw new AuthorsController.InvalidPaging("author must be given 1 to " + MAX_AUTHORS
					+ " times (an author's key each), was given " + authors.size() + " distinct ones");
		}
		List<String> keys = List.copyOf(authors);
		return stored(key).then(activity.days(key)).flatMap(days -> {
			Timeline timeline = Timeline.of(days, period, size, LocalDate.now(clock));
			List<String> starts = timeline.starts().stream().map(LocalDate::toString).toList();
			if (starts.isEmpty()) {
				return Mono.just(new AuthorsActivity(key.provider(), key.path(), timeline.by().toString(), starts,
						keys.stream().map(k -> new AuthorActivity(k, List.of())).toList()));
			}
			return activity.authorDays(key, keys, timeline.from())
				.map(byAuthor -> new AuthorsActivity(key.provider(), key.path(), timeline.by().toString(), starts,
						keys.stream().map(k -> new AuthorActivity(k, timeline.counts(byAuthor.get(k)))).toList()));
		});
	}

	private Mono<Void> stored(RepositoryKey key) {
		return readModel.repository(key).switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key))).then();
	}

	private static Period period(String by) {
		if (by == null || by.isEmpty()) {
			return null;
		}
		return Period.named(by)
			.orElseThrow(() -> new AuthorsController.InvalidPaging(
					"by must be day, week or month (or absent, to fit the history), was '"
							+ (by.length() > 20 ? by.substring(0, 20) + "..." : by) + "'"));
	}

	private static int periods(Integer periods) {
		int size = periods == null ? DEFAULT_PERIODS : periods;
		if (size < 1 || size > MAX_PERIODS) {
			throw new AuthorsController.InvalidPaging("periods must be between 1 and " + MAX_PERIODS + ", was " + size);
		}
		return size;
	}

	/** Commits of the period that starts on {@code start} (an ISO date). */
	record PeriodCount(String start, long commits) {
	}

	record RepositoryActivity(String provider, String repository, String by, List<PeriodCount> periods, long earlier,
			long later) {
	}

	/** {@code commits} has one count per period, in the order of the periods. */
	record AuthorActivity(String key, List<Long> commits) {
	}

	/** {@code periods} holds the start (an ISO date) of each period, oldest first. */
	record AuthorsActivity(String provider, String repository, String by, List<String> periods,
			List<AuthorActivity> authors) {
	}

}
