package dev.commitcollector.query.web;

import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.persistence.InvalidCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the query API as an RFC 9457 problem detail a person can act on. */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(Problems.class);

	@ExceptionHandler({ RepositoryKey.InvalidRepositoryKey.class, AuthorsController.InvalidPaging.class,
			InvalidCursor.class })
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(AuthorsController.RepositoryNotStored.class)
	ProblemDetail notFound(AuthorsController.RepositoryNotStored ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("request failed", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the commit store could not be read; try again shortly (the cause is in the query-service log)");
	}

}
