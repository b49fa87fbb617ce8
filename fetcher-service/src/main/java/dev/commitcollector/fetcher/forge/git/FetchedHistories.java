package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.CommitItems;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The fetched histories being paged through, by cursor. A history is closed (its
 * repository deleted) after its last page, on a failure, or when nobody asked for its
 * next page for {@code idle}: a fetch that stops early, fails or is cancelled leaves
 * nothing on disk for long.
 */
final class FetchedHistories {

	private final Map<String, Open> open = new ConcurrentHashMap<>();

	private final Duration idle;

	FetchedHistories(Duration idle) {
		this.idle = idle;
	}

	/**
	 * Registers {@code history} at once, so that even a page nobody receives is cleaned
	 * up; returns its cursor.
	 */
	String open(RepositoryPath repository, FetchedHistory history) {
		String cursor = UUID.randomUUID().toString();
		Open entry = new Open(repository, history, new AtomicReference<>());
		open.put(cursor, entry);
		expireLater(cursor, entry);
		return cursor;
	}

	/** The next page of the history behind {@code cursor}. Blocking. */
	CommitPage page(String cursor, RepositoryPath repository, int size) throws IOException {
		Open entry = open.get(cursor);
		if (entry == null || !entry.repository().equals(repository)) {
			throw gone(repository);
		}
		entry.expiry().get().dispose(); // not while a page is read
		try {
			CommitItems.Read commits = entry.history().page(size);
			if (entry.history().exhausted()) {
				close(cursor, entry);
				return commits.page(Optional.empty());
			}
			expireLater(cursor, entry);
			return commits.page(Optional.of(new PageCursor(cursor)));
		}
		catch (FetchedHistory.Closed ex) {
			throw gone(repository);
		}
		catch (IOException | RuntimeException ex) {
			close(cursor, entry);
			throw ex;
		}
	}

	/** Closes the history behind {@code cursor}, if it is still open. */
	void release(String cursor, RepositoryPath repository) {
		Open entry = open.get(cursor);
		if (entry != null && entry.repository().equals(repository)) {
			close(cursor, entry);
		}
	}

	/** How many histories are open; for tests. */
	int size() {
		return open.size();
	}

	void closeAll() {
		open.forEach(this::close);
	}

	private void expireLater(String cursor, Open entry) {
		Disposable timer = Mono.delay(idle, Schedulers.boundedElastic()).subscribe(tick -> close(cursor, entry));
		Disposable previous = entry.expiry().getAndSet(timer);
		if (previous != null) {
			previous.dispose();
		}
	}

	private void close(String cursor, Open entry) {
		if (open.remove(cursor, entry)) {
			entry.expiry().get().dispose();
			entry.history().close();
		}
	}

	private ForgeFailure gone(RepositoryPath repository) {
		return new ForgeFailure.Rejected(
				"the git fetch of " + repository + " behind this page is gone (its next page was not asked for within "
						+ idle + "); start the fetch again");
	}

	private record Open(RepositoryPath repository, FetchedHistory history, AtomicReference<Disposable> expiry) {
	}

}
