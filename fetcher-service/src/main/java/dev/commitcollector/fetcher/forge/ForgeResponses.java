package dev.commitcollector.fetcher.forge;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * What an HTTP forge's answer means: a page, an empty repository, or a
 * {@link ForgeFailure} whose message names the forge and repeats what it said. The status
 * codes mean the same on every forge here.
 */
public final class ForgeResponses {

	private static final int MAX_MESSAGE = 300;

	/**
	 * How much of an error body the message is looked for in: a forge's error is short, a
	 * hostile one need not be.
	 */
	private static final int MAX_ERROR_BODY = 4096;

	private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	/**
	 * The providers application.yml defines, whose token comes from {@code <NAME>_TOKEN}.
	 */
	private static final Set<String> BUILT_IN = Set.of("github", "gitlab", "bitbucket", "codeberg");

	private final String forge;

	private final String tokenSetting;

	private final Clock clock;

	private final Duration defaultRateLimitWait;

	private final EmptyRepository emptyRepository;

	/**
	 * @param forge the forge's name in messages, such as {@code GitHub}
	 * @param provider the configured instance, to say which token to check
	 * @param emptyRepository which error answers mean "exists, has no commit" (409 on
	 * GitHub and Gitea)
	 */
	public ForgeResponses(String forge, String provider, RetrySettings retry, Clock clock,
			EmptyRepository emptyRepository) {
		this.forge = forge;
		this.tokenSetting = BUILT_IN.contains(provider) ? provider.toUpperCase(java.util.Locale.ROOT) + "_TOKEN"
				: "forges.providers." + provider + ".token";
		this.clock = clock;
		this.defaultRateLimitWait = retry.defaultRateLimitWait();
		this.emptyRepository = emptyRepository;
	}

	public String forge() {
		return forge;
	}

	/**
	 * A 2xx body read as {@code type} and made a page; any other status, what it means.
	 */
	public <J> Mono<CommitPage> read(RepositoryPath repository, ClientResponse response, Class<J> type,
			BiFunction<J, HttpHeaders, CommitPage> toPage) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(type)
				.switchIfEmpty(Mono.error(() -> new ForgeFailure.Unavailable(
						forge + " answered " + status + " with no body where a commit list was expected")))
				.map(body -> toPage.apply(body, headers));
		}
		return response.bodyToMono(String.class).defaultIfEmpty("").map(ForgeResponses::messageOf).flatMap(message -> {
			if (emptyRepository.is(status, message)) {
				return Mono.just(CommitPage.empty());
			}
			return Mono.error(failure(repository, headers, status, message));
		});
	}

	/**
	 * A 2xx body read as {@code type}; any other status, the failure it means. Which
	 * answers mean an empty repository is a commit listing's matter: here every error
	 * status is a failure.
	 */
	public <J> Mono<J> object(RepositoryPath repository, ClientResponse response, Class<J> type) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(type)
				.switchIfEmpty(Mono.error(() -> new ForgeFailure.Unavailable(
						forge + " answered " + status + " with no body where a JSON object was expected")));
		}
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.map(ForgeResponses::messageOf)
			.flatMap(message -> Mono.error(failure(repository, headers, status, message)));
	}

	ForgeFailure failure(RepositoryPath repository, HttpHeaders headers, int status, String said) {
		// GitLab starts its messages with the status: "401 Unauthorized"
		String message = said.startsWith(status + " ") ? said.substring((status + " ").length()) : said;
		if (status == 404) {
			return new ForgeFailure.RepositoryNotFound(forge, repository);
		}
		Instant retryAt = RateLimitHeaders.retryAt(headers, status, clock, defaultRateLimitWait);
		if (retryAt != null) {
			return new ForgeFailure.RateLimited(forge, retryAt);
		}
		if (status == 401) {
			return new ForgeFailure.Rejected(
					forge + " rejected the credentials (401 " + message + "); check " + tokenSetting);
		}
		if (status == 403) {
			return new ForgeFailure.Rejected(forge + " refused access (403 " + message + ")");
		}
		if (status >= 500) {
			return new ForgeFailure.Unavailable(forge + " answered " + status + " " + message);
		}
		return new ForgeFailure.Rejected(forge + " answered " + status + " " + message);
	}

	/**
	 * Transport and decoding errors become forge failures, so a fetch always ends with a
	 * reason. A body that cannot be read (cut short by a lost connection, or not JSON) is
	 * worth retrying like a 5xx: the next answer is usually whole. A body larger than a
	 * page can be is not.
	 */
	public Throwable unlessForgeFailure(Throwable error) {
		if (error instanceof ForgeFailure) {
			return error;
		}
		if (error instanceof DataBufferLimitException) {
			return new ForgeFailure.Rejected(forge + " answered with a body larger than " + ForgeHttp.MAX_PAGE_BYTES
					+ " bytes, more than any page of commits; not read");
		}
		if (error instanceof CodecException || error instanceof UnsupportedMediaTypeException) {
			return new ForgeFailure.Unavailable(
					forge + " answered with a body that is not a commit list (" + cut(error.getMessage()) + ")");
		}
		if (error instanceof WebClientRequestException || error instanceof TimeoutException
				|| error.getCause() instanceof TimeoutException || causedBy(error, IOException.class)) {
			return new ForgeFailure.Unavailable(forge + " could not be reached or did not answer in time ("
					+ error.getClass().getSimpleName() + ")");
		}
		return error;
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String cut(String said) {
		String message = String.valueOf(said).replaceAll("\\p{Cntrl}", " ");
		return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
	}

	/**
	 * The forge's own words: the {@code message} field of a JSON error (nested ones too),
	 * else the body.
	 */
	static String messageOf(String body) {
		String start = body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) : body;
		Matcher matcher = MESSAGE.matcher(start);
		return cut(matcher.find() ? matcher.group(1) : start.strip());
	}

	/** Which error answers mean that the repository exists and has no commit. */
	@FunctionalInterface
	public interface EmptyRepository {

		EmptyRepository NEVER = (status, message) -> false;

		boolean is(int status, String message);

		static EmptyRepository answering(int status) {
			return (answered, message) -> answered == status;
		}

	}

}
