package dev.commitcollector.fetcher.forge.http;

import java.net.URI;
import java.time.Duration;
import java.util.function.BiFunction;

import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The GETs of one forge instance: each passes the instance's {@link Gate}, feeds its rate
 * budget, is read by its {@link Answers} within the request deadline, and is retried by
 * its {@link RetryPolicy}, which tells the caller's {@link RateLimitWaits}.
 */
final class Requests {

	/** The longest {@code ETag} remembered (GitHub's are 70 characters or so). */
	static final int MAX_VALIDATOR_LENGTH = 256;

	private final WebClient http;

	private final Gate gate;

	private final RetryPolicy retry;

	private final Answers answers;

	private final Failures failures;

	private final Duration deadline;

	/**
	 * @param deadline the longest one attempt may take, its answer read in full; the
	 * client's timeout bounds only the wait for each read
	 */
	Requests(WebClient http, Gate gate, RetryPolicy retry, Answers answers, Failures failures, Duration deadline) {
		this.http = http;
		this.gate = gate;
		this.retry = retry;
		this.answers = answers;
		this.failures = failures;
		this.deadline = deadline;
	}

	/**
	 * One attempt through the gate, abandoned (its connection closed, its permit given
	 * back) past the deadline; the deadline starts once the gate lets it through.
	 */
	private <T> Mono<T> attempt(Mono<T> exchange, RateLimitWaits waits) {
		return gate.run(exchange.timeout(deadline, Mono.error(() -> failures.pastDeadline(deadline))), waits);
	}

	/**
	 * GETs {@code uri} and makes the answer's body, read as {@code type}, a page carrying
	 * the answer's {@code ETag}. With an {@code etag} (else null) the request is
	 * conditional, and a {@code 304} answer is a {@link CommitPage#notModified} page.
	 */
	<J> Mono<CommitPage> page(RepositoryPath repository, URI uri, String etag, RateLimitWaits waits, Class<J> type,
			BiFunction<J, HttpHeaders, CommitPage> toPage) {
		return attempt(Mono.defer(() -> http.get().uri(uri).headers(headers -> {
			if (etag != null) {
				headers.setIfNoneMatch(etag);
			}
		}).exchangeToMono(response -> {
			gate.observe(response.headers().asHttpHeaders());
			if (etag != null && response.statusCode().value() == 304) {
				return response.releaseBody().thenReturn(CommitPage.notModified(etag));
			}
			String validator = validatorOf(response.headers().asHttpHeaders());
			return answers.page(repository, response, type, toPage).map(page -> page.withEtag(validator));
		})), waits).onErrorMap(failures::unlessForgeFailure).retryWhen(retry.forRequest(waits));
	}

	/**
	 * The answer's {@code ETag}, when it is one worth sending back: a well-formed tag of
	 * at most {@link #MAX_VALIDATOR_LENGTH} visible ASCII characters. Else none, and the
	 * next fetch asks unconditionally: the tag is remembered in PostgreSQL and sent in a
	 * header, so what a forge put there must not be able to break either.
	 */
	static String validatorOf(HttpHeaders headers) {
		String etag;
		try {
			etag = headers.getETag();
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
		boolean usable = etag != null && etag.length() <= MAX_VALIDATOR_LENGTH
				&& etag.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
		return usable ? etag : null;
	}

	/**
	 * GETs {@code uri}, a JSON object that is not a commit page (such as a repository's
	 * metadata), read as {@code type}: through the same gate, rate budget, error mapping
	 * and retries as the pages, never conditional.
	 */
	<J> Mono<J> object(RepositoryPath repository, URI uri, RateLimitWaits waits, Class<J> type) {
		return attempt(Mono.defer(() -> http.get().uri(uri).exchangeToMono(response -> {
			gate.observe(response.headers().asHttpHeaders());
			return answers.object(repository, response, type);
		})), waits).onErrorMap(failures::unlessForgeFailure).retryWhen(retry.forRequest(waits));
	}

	/**
	 * GETs {@code uri}, a file served raw (asking for {@code accept}), as a mailmap: at
	 * most {@link Mailmap#MAX_BYTES} are read. Through the same gate, rate budget, error
	 * mapping and retries as the pages.
	 */
	Mono<Mailmap> mailmap(RepositoryPath repository, URI uri, String accept, RateLimitWaits waits) {
		return attempt(Mono.defer(() -> http.get()
			.uri(uri)
			.headers(headers -> headers.set(HttpHeaders.ACCEPT, accept))
			.exchangeToMono(response -> {
				gate.observe(response.headers().asHttpHeaders());
				return answers.mailmap(repository, response);
			})), waits).onErrorMap(failures::unlessForgeFailure).retryWhen(retry.forRequest(waits));
	}

}
