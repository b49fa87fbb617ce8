package dev.commitcollector.query.web;

import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.persistence.InvalidCursor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error of the query API as an RFC 9457 problem detail a person can act on. Request
 * targets that cannot be read (bad encoding, control characters, values beyond their
 * bounds) are refused before they get here, by {@link RequestScreen}.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(Problems.class);

	@ExceptionHandler({ RepositoryKey.InvalidRepositoryKey.class, AuthorsController.InvalidPaging.class,
			InvalidCursor.class, Identities.InvalidOption.class })
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(RepositoryNotStored.class)
	ResponseEntity<ProblemDetail> notFound(RepositoryNotStored ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("request failed", ex);
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

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
