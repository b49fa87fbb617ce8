package dev.commitcollector.fetcher.forge;

import java.net.URI;
import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The page requests of one forge instance: each passes the instance's gate, feeds its
 * rate budget, is read by the forge's {@link ForgeResponses}, and is retried by
 * {@link ForgeRetry}.
 */
public final class ForgeRequests {

	private final WebClient http;

	private final URI apiUrl;

	private final ForgeHttp.Gate gate;

	private final Retry retry;

	private final ForgeResponses responses;

	public ForgeRequests(WebClient http, ProviderSettings settings, RetrySettings retry, Clock clock,
			ForgeResponses responses) {
		this.http = http;
		this.apiUrl = settings.apiUrl();
		this.gate = ForgeHttp.gate(settings, retry, clock);
		this.retry = ForgeRetry.of(retry, clock);
		this.responses = responses;
	}

	/**
	 * GETs {@code uri} and makes the answer's body, read as {@code type}, a page carrying
	 * the answer's {@code ETag}. When the Reactor context holds a validator under
	 * {@link #IF_NONE_MATCH}, the request is conditional, and a {@code 304} answer is a
	 * {@link CommitPage#notModified} page.
	 */
	public <J> Mono<CommitPage> page(RepositoryPath repository, URI uri, Class<J> type,
			BiFunction<J, HttpHeaders, CommitPage> toPage) {
		return Mono.deferContextual(context -> {
			String etag = context.getOrDefault(IF_NONE_MATCH, null);
			return gate.run(Mono.defer(() -> http.get().uri(uri).headers(headers -> {
				if (etag != null) {
					headers.setIfNoneMatch(etag);
				}
			}).exchangeToMono(response -> {
				gate.observe(response.headers().asHttpHeaders());
				if (etag != null && response.statusCode().value() == 304) {
					return response.releaseBody().thenReturn(CommitPage.notModified(etag));
				}
				String validator = response.headers().asHttpHeaders().getETag();
				return responses.read(repository, response, type, toPage).map(page -> page.withEtag(validator));
			})));
		}).onErrorMap(responses::unlessForgeFailure).retryWhen(retry);
	}

	/**
	 * GETs {@code uri}, a JSON object that is not a commit page (such as a repository's
	 * metadata), read as {@code type}: through the same gate, rate budget, error mapping
	 * and retries as the pages, never conditional.
	 */
	public <J> Mono<J> object(RepositoryPath repository, URI uri, Class<J> type) {
		return gate.run(Mono.defer(() -> http.get().uri(uri).exchangeToMono(response -> {
			gate.observe(response.headers().asHttpHeaders());
			return responses.object(repository, response, type);
		}))).onErrorMap(responses::unlessForgeFailure).retryWhen(retry);
	}

	/**
	 * The Reactor context key of the validator a conditional request sends as
	 * {@code If-None-Match}.
	 */
	public static final String IF_NONE_MATCH = ForgeRequests.class.getName() + ".ifNoneMatch";

	/**
	 * Follows a cursor, which is a URL, only into the configured API: never sends the
	 * token elsewhere.
	 */
	public Mono<CommitPage> follow(PageCursor cursor, Function<URI, Mono<CommitPage>> page) {
		if (!ForgeHttp.isWithin(apiUrl, cursor.value())) {
			return Mono.error(new ForgeFailure.MalformedAnswer(responses.forge()
					+ " pointed the next page outside the configured API (" + apiUrl + "); not followed"));
		}
		return page.apply(URI.create(cursor.value()));
	}

	/** True when {@code link} may be followed. */
	public boolean isWithinApi(String link) {
		return ForgeHttp.isWithin(apiUrl, link);
	}

}
