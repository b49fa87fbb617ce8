package dev.commitcollector.fetcher.forge.http;

import java.util.function.BiFunction;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/**
 * What an HTTP forge's answer means: a 2xx body read as JSON, an empty repository, or the
 * {@link Failures failure} an error status means.
 */
final class Answers {

	private static final Logger log = LoggerFactory.getLogger(Answers.class);

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
	 * A 2xx body read as {@code type}, its {@link LongStrings long strings} cut, and made
	 * a page; any other status, what it means.
	 */
	<J> Mono<CommitPage> page(RepositoryPath repository, ClientResponse response, Class<J> type,
			BiFunction<J, HttpHeaders, CommitPage> toPage) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (response.statusCode().is2xxSuccessful()) {
			LongStrings strings = new LongStrings();
			return response.mutate()
				.body(strings::read)
				.build()
				.bodyToMono(type)
				.switchIfEmpty(Mono.error(() -> new ForgeFailure.Unavailable(
						forge + " answered " + status + " with no body where a commit list was expected")))
				.map(body -> toPage.apply(body, headers))
				.doOnNext(page -> {
					if (strings.cut() > 0) {
						log.warn(
								"{} sent {} longer than {} KB in a page of {} (commit messages, most likely); each is "
										+ "read as its first and last {} KB",
								forge, strings.cut() == 1 ? "1 string" : strings.cut() + " strings",
								(LongStrings.HEAD + LongStrings.TAIL) / 1024, repository, LongStrings.HEAD / 1024);
					}
				});
		}
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
		if (response.statusCode().is2xxSuccessful() && response.headers()
			.contentType()
			.filter(type -> type.isCompatibleWith(MediaType.TEXT_HTML))
			.isPresent()) {
			// a proxy's or a login page, not the file: tried again, then the fetch goes
			// on
			// without it
			return response.releaseBody()
				.then(Mono.error(new ForgeFailure.Unavailable(
						forge + " answered " + status + " with an HTML page where the .mailmap file was expected")));
		}
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
	private Mono<String> said(ClientResponse response) {
		return response.bodyToMono(String.class).defaultIfEmpty("").map(failures::said);
	}

}
