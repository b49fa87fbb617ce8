package dev.commitcollector.fetcher.web;

import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every error of the fetcher's API as an RFC 9457 problem detail a person can act on. */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(Problems.class);

	@ExceptionHandler({ RepositoryPath.InvalidRepositoryPath.class, Forges.UnknownProvider.class,
			FetchController.InvalidFetchRequest.class })
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("request failed", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"the fetcher failed unexpectedly; the error is in its log");
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		String detail = ex.getMostSpecificCause() != ex && ex.getMostSpecificCause() != null
				? ex.getReason() + ": expected JSON such as {\"provider\":\"github\",\"repository\":\"owner/name\",\"limit\":1000}"
				: ex.getReason();
		ex.getBody().setDetail(detail);
		return super.handleServerWebInputException(ex, headers, status, exchange);
	}

}
