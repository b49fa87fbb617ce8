package dev.commitcollector.fetcher.forge.github;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * What a GitHub answer means: a page, an empty repository (409), or a {@link ForgeFailure}.
 *
 * @see <a href="https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api">Rate limits</a>
 */
final class GitHubResponses {

	private static final int MAX_MESSAGE = 300;

	private final Clock clock;

	GitHubResponses(Clock clock) {
		this.clock = clock;
	}

	Mono<CommitPage> read(RepositoryPath repository, ClientResponse response,
			Function<GitHubCommitJson[], CommitPage> toPage) {
		HttpStatusCode status = response.statusCode();
		if (status.is2xxSuccessful()) {
			return response.bodyToMono(GitHubCommitJson[].class)
				.switchIfEmpty(Mono.error(() -> new ForgeFailure.MalformedAnswer(
						"GitHub answered " + status.value() + " with no body where a commit list was expected")))
				.map(toPage);
		}
		if (status.value() == 409) {
			return response.releaseBody().thenReturn(CommitPage.empty());
		}
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap(body -> Mono.error(failure(repository, response, status.value(), messageOf(body))));
	}

	private ForgeFailure failure(RepositoryPath repository, ClientResponse response, int status, String message) {
		if (status == 404) {
			return new ForgeFailure.RepositoryNotFound("GitHub", repository);
		}
		if (status == 403 || status == 429) {
			Instant retryAt = rateLimitedUntil(response, status);
			if (retryAt != null) {
				return new ForgeFailure.RateLimited("GitHub", retryAt);
			}
		}
		if (status == 401) {
			return new ForgeFailure.Rejected(
					"GitHub rejected the credentials (401 " + message + "); check GITHUB_TOKEN");
		}
		if (status == 403) {
			return new ForgeFailure.Rejected("GitHub refused access (403 " + message + ")");
		}
		if (status >= 500) {
			return new ForgeFailure.Unavailable("GitHub answered " + status + " " + message);
		}
		return new ForgeFailure.Rejected("GitHub answered " + status + " " + message);
	}

	/** When a 403 or 429 is a rate limit, the instant the forge says to come back; otherwise null. */
	private Instant rateLimitedUntil(ClientResponse response, int status) {
		String retryAfter = response.headers().asHttpHeaders().getFirst("retry-after");
		if (retryAfter != null && retryAfter.strip().matches("\\d{1,9}")) {
			return clock.instant().plusSeconds(Long.parseLong(retryAfter.strip()));
		}
		String remaining = response.headers().asHttpHeaders().getFirst("x-ratelimit-remaining");
		String reset = response.headers().asHttpHeaders().getFirst("x-ratelimit-reset");
		if ("0".equals(remaining != null ? remaining.strip() : null)) {
			if (reset != null && reset.strip().matches("\\d{1,12}")) {
				return Instant.ofEpochSecond(Long.parseLong(reset.strip()));
			}
			return clock.instant().plusSeconds(60);
		}
		if (status == 429) {
			// a secondary limit without headers: GitHub says to wait at least a minute
			return clock.instant().plusSeconds(60);
		}
		return null;
	}

	private static String messageOf(String body) {
		var matcher = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
		String message = matcher.find() ? matcher.group(1) : body.strip();
		message = message.replaceAll("\\p{Cntrl}", " ");
		return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
	}

	/** Transport and decoding errors become forge failures, so a fetch always ends with a reason. */
	static Throwable unlessForgeFailure(Throwable error) {
		if (error instanceof ForgeFailure) {
			return error;
		}
		if (error instanceof WebClientRequestException || error instanceof TimeoutException
				|| error.getCause() instanceof TimeoutException) {
			return new ForgeFailure.Unavailable("GitHub could not be reached or did not answer in time ("
					+ error.getClass().getSimpleName() + ")");
		}
		if (error instanceof CodecException || error instanceof UnsupportedMediaTypeException) {
			return new ForgeFailure.MalformedAnswer("GitHub answered with a body that is not a commit list");
		}
		return error;
	}

}
