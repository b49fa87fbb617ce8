package dev.commitcollector.fetcher.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.commitcollector.fetcher.application.FetchCommits;
import dev.commitcollector.fetcher.application.Fetches;
import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.application.Watches;
import dev.commitcollector.fetcher.application.Watching;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import io.r2dbc.spi.R2dbcException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every error of the fetcher's API as an RFC 9457 problem detail a person can act on.
 * Request targets that cannot be read are refused before they get here, by
 * {@link RequestScreen}; bodies are checked by {@link FetchRequest}.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(Problems.class);

	/**
	 * How long a client should wait before asking again when the queue of fetches is
	 * full.
	 */
	private static final Duration RETRY_QUEUED_AFTER = Duration.ofSeconds(30);

	private static final String EXAMPLE = "expected JSON such as {\"provider\":\"github\",\"repository\":\"owner/name\",\"limit\":1000}";

	private static final String WATCH_EXAMPLE = "expected JSON such as "
			+ "{\"provider\":\"github\",\"repository\":\"owner/name\",\"limit\":1000,\"interval\":\"PT1H\"}";

	private final FetchLimits limits;

	Problems(FetchLimits limits) {
		this.limits = limits;
	}

	@ExceptionHandler({ RepositoryPath.InvalidRepositoryPath.class, Forges.UnknownProvider.class,
			FetchController.InvalidFetchRequest.class, FetchListQuery.InvalidListParameter.class,
			Watching.InvalidInterval.class })
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** Too many fetches wait already: say when to try again. */
	@ExceptionHandler(FetchCommits.QueueFull.class)
	ResponseEntity<ProblemDetail> queueFull(FetchCommits.QueueFull ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_QUEUED_AFTER.toSeconds()))
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage()));
	}

	/**
	 * The repository's fetch under way asks for less than the request: name it, and say
	 * when to ask again.
	 */
	@ExceptionHandler(FetchCommits.UnderWay.class)
	ResponseEntity<ProblemDetail> underWay(FetchCommits.UnderWay ex) {
		ResponseEntity<ProblemDetail> conflict = problem(HttpStatus.CONFLICT, ex.getMessage());
		conflict.getBody().setProperty("existing", ex.existing().id().toString());
		conflict.getBody().setProperty("limit", ex.existing().limit());
		conflict.getBody().setProperty("mode", ex.existing().mode().name().toLowerCase(Locale.ROOT));
		return conflict;
	}

	/** One watch per repository: name the one there is. */
	@ExceptionHandler(Watches.WatchExists.class)
	ResponseEntity<ProblemDetail> watchExists(Watches.WatchExists ex) {
		ResponseEntity<ProblemDetail> conflict = problem(HttpStatus.CONFLICT, ex.getMessage());
		conflict.getBody().setProperty("existing", ex.existing().toString());
		return conflict;
	}

	/** The fetcher keeps no more watches. */
	@ExceptionHandler(Watches.TooManyWatches.class)
	ResponseEntity<ProblemDetail> tooManyWatches(Watches.TooManyWatches ex) {
		ResponseEntity<ProblemDetail> conflict = problem(HttpStatus.CONFLICT, ex.getMessage());
		conflict.getBody().setProperty("watches", ex.existing());
		conflict.getBody().setProperty("most", ex.most());
		return conflict;
	}

	/** The database did not take the fetch: it was not started. */
	@ExceptionHandler(Fetches.NotRecorded.class)
	ResponseEntity<ProblemDetail> notRecorded(Fetches.NotRecorded ex) {
		log.warn("a fetch could not be recorded", ex);
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	/** Kafka did not take the fetch's command: it is recorded as FAILED. */
	@ExceptionHandler(FetchCommits.NotQueued.class)
	ResponseEntity<ProblemDetail> notQueued(FetchCommits.NotQueued ex) {
		log.warn("a fetch's command could not be sent", ex);
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	/**
	 * The fetcher's database did not answer (a listing, a lookup, a watch): nothing is
	 * lost, try again.
	 */
	@ExceptionHandler({ DataAccessException.class, R2dbcException.class })
	ResponseEntity<ProblemDetail> databaseAway(Exception ex) {
		log.warn("a request could not reach the fetcher's database: {}", ex.toString());
		return problem(HttpStatus.SERVICE_UNAVAILABLE,
				"the fetcher's database could not be reached; try again shortly (the cause is in the fetcher's log)");
	}

	/**
	 * The client stopped sending its body, or sent it too slowly: the connection is
	 * closed after this answer, since the rest of the body is not read.
	 */
	@ExceptionHandler(RequestDeadlines.BodyTooSlow.class)
	ResponseEntity<ProblemDetail> bodyTooSlow(RequestDeadlines.BodyTooSlow ex, ServerWebExchange exchange) {
		log.info("answered 408 to {} {} from {}: its body did not arrive in time", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath().value(), exchange.getRequest().getRemoteAddress());
		ResponseEntity<ProblemDetail> problem = problem(HttpStatus.REQUEST_TIMEOUT, ex.getMessage());
		// the rest of the body is never read: the connection cannot carry another request
		return ResponseEntity.status(problem.getStatusCode())
			.headers(problem.getHeaders())
			.header(HttpHeaders.CONNECTION, "close")
			.body(problem.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "the fetcher failed unexpectedly; the error is in its log");
	}

	/**
	 * A body that is not a fetch request, or a path variable of the wrong type: say which
	 * field is wrong.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		MethodParameter parameter = ex.getMethodParameter();
		if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) {
			ex.getBody()
				.setDetail("'" + parameter.getParameterName() + "' is not a "
						+ parameter.getParameterType().getSimpleName());
		}
		else if (ex.getMostSpecificCause() != ex) {
			ex.getBody().setDetail(bodyProblem(ex, Body.of(exchange)));
		}
		return super.handleServerWebInputException(ex, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			ex.getBody().setDetail("the body is larger than this service reads; " + Body.of(exchange).example());
		}
		return super.handleResponseStatusException(ex, headers, status, exchange);
	}

	private String bodyProblem(ServerWebInputException ex, Body body) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof FetchController.InvalidFetchRequest) {
			return cause.getMessage();
		}
		for (Throwable at = ex; at != null; at = at.getCause()) {
			if (at instanceof JacksonException json) {
				String field = json.getPath()
					.stream()
					.map(JacksonException.Reference::getPropertyName)
					.filter(Objects::nonNull)
					.collect(Collectors.joining("."));
				if (field.equals("limit")) {
					return "limit must be a whole number from 1 to " + limits.maximum() + "; " + body.example();
				}
				if (json instanceof StreamReadException) {
					return "the body cannot be read as a " + body.noun() + " (" + printable(json.getOriginalMessage())
							+ "); " + body.example();
				}
				return (field.isEmpty() ? "the body is not a " + body.noun() + " object"
						: field + " has the wrong type or form") + "; " + body.example();
			}
		}
		return ex.getReason() + ": " + body.example();
	}

	/** What a request's body should have been, by where it was sent. */
	private record Body(String noun, String example) {

		static Body of(ServerWebExchange exchange) {
			return exchange.getRequest().getPath().value().startsWith("/api/v1/watches")
					? new Body("watch request", WATCH_EXAMPLE) : new Body("fetch request", EXAMPLE);
		}

	}

	/**
	 * Jackson's message without where in the input it was (the input is not shown) and
	 * without control characters.
	 */
	private static String printable(String text) {
		String shown = String.valueOf(text)
			.replaceAll("\\s*\\(?(start marker )?at \\[Source.*", "")
			.replaceAll("\\p{Cntrl}", "?");
		return shown.length() > 160 ? shown.substring(0, 160) + "..." : shown;
	}

	/**
	 * Problems are problem+json whatever the request accepts: a client asking for XML
	 * still learns why.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(@Nullable Object body, @Nullable HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		HttpHeaders problemHeaders = new HttpHeaders();
		if (headers != null) {
			problemHeaders.putAll(headers);
		}
		if (body instanceof ProblemDetail) {
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		return super.createResponseEntity(body, problemHeaders, status, exchange);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
