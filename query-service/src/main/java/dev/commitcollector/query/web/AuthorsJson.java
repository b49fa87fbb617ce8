package dev.commitcollector.query.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commitcollector.query.domain.AuthorCommits;
import dev.commitcollector.query.domain.AuthorCommits.CommitRef;
import dev.commitcollector.query.domain.StoredRepository;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuthorsView} written as it is read: the page's fields, then author after author,
 * each author's commits in batches of {@value #COMMITS_PER_BUFFER} as their cursor yields
 * them. Memory holds a batch, not the answer (git/git's first page is 5 MB), and the
 * first byte leaves before the first commit is read. Every value goes through the
 * application's {@link JsonMapper}, so the JSON is what serialising the whole view would
 * give.
 */
@Component
class AuthorsJson {

	static final int COMMITS_PER_BUFFER = 512;

	private static final byte[] END_OF_LIST_AND_OBJECT = "]}".getBytes(StandardCharsets.UTF_8);

	private final JsonMapper json;

	AuthorsJson(JsonMapper json) {
		this.json = json;
	}

	Flux<DataBuffer> write(StoredRepository repository, int page, int size, List<AuthorCommits> authors,
			Function<String, Flux<CommitRef>> commitsOf) {
		var head = new Head(repository.key().provider(), repository.key().path(), repository.commitCount(),
				repository.authorCount(), repository.lastStoredAt(), page, size,
				(repository.authorCount() + size - 1) / size);
		return Flux.concat(Mono.fromSupplier(() -> buffer(opened(head, "authors", false))),
				Flux.range(0, authors.size()).concatMap(i -> author(authors.get(i), i == 0, commitsOf)),
				Mono.fromSupplier(() -> buffer(END_OF_LIST_AND_OBJECT)));
	}

	private Flux<DataBuffer> author(AuthorCommits author, boolean first, Function<String, Flux<CommitRef>> commitsOf) {
		var head = new AuthorHead(author.key(), author.login(), author.names(), author.emails(), author.commitCount(),
				author.coAuthoredCount(), author.keys());
		return Flux.concat(Mono.fromSupplier(() -> buffer(opened(head, "commits", !first))),
				commitsOf.apply(author.key())
					.buffer(COMMITS_PER_BUFFER)
					.index()
					.map(batch -> buffer(elements(batch.getT2(), batch.getT1() > 0))),
				Mono.fromSupplier(() -> buffer(END_OF_LIST_AND_OBJECT)));
	}

	/**
	 * {@code value}'s JSON object left open with a list field last:
	 * {@code {...,"name":[}.
	 */
	private byte[] opened(Object value, String name, boolean comma) {
		byte[] object = json.writeValueAsBytes(value);
		byte[] field = ((object.length > 2 ? "," : "") + "\"" + name + "\":[").getBytes(StandardCharsets.UTF_8);
		int start = comma ? 1 : 0;
		byte[] opened = new byte[start + object.length - 1 + field.length];
		if (comma) {
			opened[0] = ',';
		}
		System.arraycopy(object, 0, opened, start, object.length - 1);
		System.arraycopy(field, 0, opened, start + object.length - 1, field.length);
		return opened;
	}

	/** The elements of a JSON list, without its brackets. */
	private byte[] elements(List<CommitRef> commits, boolean comma) {
		byte[] list = json.writeValueAsBytes(commits);
		if (!comma) {
			return Arrays.copyOfRange(list, 1, list.length - 1);
		}
		list[0] = ',';
		return Arrays.copyOfRange(list, 0, list.length - 1);
	}

	private static DataBuffer buffer(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
	}

	/** {@link AuthorsView} without its authors. */
	private record Head(String provider, String repository, long totalCommits, long totalAuthors, Instant lastStoredAt,
			int page, int size, long totalPages) {
	}

	/**
	 * {@link AuthorCommits} without its commits; {@code keys} only in the merged view.
	 */
	private record AuthorHead(String key, String login, List<String> names, List<String> emails, long commitCount,
			long coAuthoredCount, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> keys) {
	}

}
