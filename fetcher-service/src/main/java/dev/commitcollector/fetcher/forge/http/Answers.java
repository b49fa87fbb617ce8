package dev.commitcollector.fetcher.forge.http;

import java.util.function.BiFunction;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What an HTTP forge's answer means: a 2xx body read as JSON, an empty repository, or the
 * {@link Failures failure} an error status means.
 */
final class Answers {

	private final String forge;

	private final Failures failures;

	private final EmptyRepository emptyRepository;

	/**
	 * @param forge the forge's name in messages, such as {@code GitHub}
	 * @param emptyRepository which error answers mean "exists, has no commit" (409 on
	 * GitHub and Gitea)
	 */
	Answers(String forge, Failures failures, EmptyRepository emptyRepository) {
		this.forge = forge;
		this.failures = failures;
		this.emptyRepository = emptyRepository;
	}

	/**
	 * A 2xx body read as {@code type} and made a page; any other status, what it means.
	 */
	<J> Mono<CommitPage> page(RepositoryPath repository, ClientResponse response, Class<J> type,
			BiFunction<J, HttpHeaders, CommitPage> toPage) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(type)
				.switchIfEmpty(Mono.error(() -> noCommitList(status)))
				.map(body -> toPage.apply(body, headers));
		}
		return failed(repository, response);
	}

	/**
	 * A 2xx body received whole and held as bytes: {@code page} of the answer makes it a
	 * page as {@link #page} would, with the same codecs, when subscribed to. Any other
	 * status is read now, as {@link #page} reads it. Holding the bytes lets a body be
	 * decoded outside the forge's gate, while the next request is on its way.
	 */
	<J> Mono<Received> received(RepositoryPath repository, ClientResponse response, Class<J> type,
			BiFunction<J, HttpHeaders, CommitPage> toPage) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (!response.statusCode().is2xxSuccessful()) {
			return failed(repository, response).map(page -> new Received(headers, Mono.just(page)));
		}
		return response.bodyToMono(byte[].class).switchIfEmpty(Mono.error(() -> noCommitList(status))).map(bytes -> {
			ClientResponse held = ClientResponse.create(response.statusCode(), response.strategies())
				.headers(copy -> copy.addAll(headers))
				.body(Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))))
				.build();
			return new Received(headers, Mono.defer(() -> page(repository, held, type, toPage))
				.map(page -> page.withEtag(headers.getETag())));
		});
	}

	/** An answer received in full: its headers, and its page to decode. */
	record Received(HttpHeaders headers, Mono<CommitPage> page) {
	}

	private ForgeFailure.Unavailable noCommitList(int status) {
		return new ForgeFailure.Unavailable(
				forge + " answered " + status + " with no body where a commit list was expected");
	}

	/** An error answer to a commit listing: an empty repository, or a failure. */
	private Mono<CommitPage> failed(RepositoryPath repository, ClientResponse response) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return said(response).flatMap(message -> {
			if (emptyRepository.is(status, message)) {
				return Mono.just(CommitPage.empty());
			}
			return Mono.error(failures.of(repository, headers, status, message));
		});
	}

	/**
	 * A 2xx body read as {@code type}; any other status, the failure it means. Which
	 * answers mean an empty repository is a commit listing's matter: here every error
	 * status is a failure.
	 */
	<J> Mono<J> object(RepositoryPath repository, ClientResponse response, Class<J> type) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(type)
				.switchIfEmpty(Mono.error(() -> new ForgeFailure.Unavailable(
						forge + " answered " + status + " with no body where a JSON object was expected")));
		}
		return said(response).flatMap(message -> Mono.error(failures.of(repository, headers, status, message)));
	}

	/**
	 * A 2xx body, read up to {@link Mailmap#MAX_BYTES} bytes, as a mailmap (one larger is
	 * {@link Mailmap#tooLarge}: the rest is not read); a 404 is no mailmap; any other
	 * status, the failure it means.
	 */
	Mono<Mailmap> mailmap(RepositoryPath repository, ClientResponse response) {
		int status = response.statusCode().value();
		if (response.statusCode().is2xxSuccessful()) {
			return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), Mailmap.MAX_BYTES).map(body -> {
				byte[] bytes = new byte[body.readableByteCount()];
				body.read(bytes);
				DataBufferUtils.release(body);
				return Mailmap.of(bytes);
			})
				.defaultIfEmpty(Mailmap.of(new byte[0]))
				.onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Mailmap.tooLarge()));
		}
		if (status == 404) {
			return response.releaseBody().thenReturn(Mailmap.NONE);
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		return said(response).flatMap(message -> Mono.error(failures.of(repository, headers, status, message)));
	}

	/** The message of an error answer. */
	private static Mono<String> said(ClientResponse response) {
		return response.bodyToMono(String.class).defaultIfEmpty("").map(Failures::messageOf);
	}

}
