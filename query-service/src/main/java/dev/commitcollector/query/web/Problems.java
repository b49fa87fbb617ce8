package dev.commitcollector.query.web;

import java.util.regex.Pattern;

import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.persistence.AuthorsReadModel;
import dev.commitcollector.query.persistence.InvalidCursor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error of the query API as an RFC 9457 problem detail a person can act on. Request
 * targets that cannot be read (bad encoding, control characters, values beyond their
 * bounds) are refused before they get here, by {@link RequestScreen}.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(Problems.class);

	private final AuthorsReadModel repositories;

	Problems(AuthorsReadModel repositories) {
		this.repositories = repositories;
	}

	@ExceptionHandler({ RepositoryKey.InvalidRepositoryKey.class, AuthorsController.InvalidPaging.class,
			InvalidCursor.class, Identities.InvalidOption.class })
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * Says how the repository is stored when it is, spelled otherwise: the fetcher keeps
	 * the spelling a repository was first fetched under.
	 */
	@ExceptionHandler(RepositoryNotStored.class)
	Mono<ResponseEntity<ProblemDetail>> notFound(RepositoryNotStored ex) {
		return repositories.spelledOtherwise(ex.key())
			.map(stored -> "no commits of " + ex.key().path() + " from " + ex.key().provider() + " are stored, but of "
					+ stored + ": ask for it so spelled")
			.onErrorResume(error -> {
				log.warn("could not look up how {} is spelled where stored; answering 404 without it: {}", ex.key(),
						error.toString());
				return Mono.empty();
			})
			.defaultIfEmpty(ex.getMessage())
			.map(detail -> problem(HttpStatus.NOT_FOUND, detail));
	}

	/**
	 * PostgreSQL away, refusing or silent: one line each, not a stack trace per request
	 * of an outage.
	 */
	@ExceptionHandler({ DataAccessException.class, R2dbcException.class })
	ResponseEntity<ProblemDetail> storeAway(Exception ex) {
		log.warn("a request could not read the commit store: {}", ex.toString());
		return storeUnreadable();
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("request failed", ex);
		return storeUnreadable();
	}

	private static ResponseEntity<ProblemDetail> storeUnreadable() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE,
				"the commit store could not be read; try again shortly (the cause is in the query-service log)");
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

	/**
	 * A parameter that cannot be converted (a page of {@code abc}, a size past an
	 * {@code int}) is named with what it must be; Spring's own detail says only "Type
	 * mismatch.".
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		MethodParameter parameter = ex.getMethodParameter();
		if (!(ex.getCause() instanceof TypeMismatchException mismatch) || parameter == null) {
			return super.handleServerWebInputException(ex, headers, status, exchange);
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		String name = param != null && !param.name().isEmpty() ? param.name() : parameter.getParameterName();
		Class<?> type = parameter.getParameterType();
		boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
		String expected = !whole ? "a " + type.getSimpleName()
				: WHOLE.matcher(String.valueOf(mismatch.getValue())).matches()
						? "a whole number no larger than "
								+ (type == long.class || type == Long.class ? Long.MAX_VALUE : Integer.MAX_VALUE)
						: "a whole number";
		String detail = "query parameter '" + name + "' must be " + expected + ", was '" + shown(mismatch.getValue())
				+ "'";
		return createResponseEntity(ProblemDetail.forStatusAndDetail(status, detail), headers, status, exchange);
	}

	/** A whole number, however large. */
	private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

	/** At most 40 characters of a value the request sent, so a problem stays short. */
	private static String shown(@Nullable Object value) {
		String text = String.valueOf(value);
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
