package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.HistoryWalk;
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fetching a repository's newest commits: recall what earlier fetches published, ask the
 * forge for the first page (conditionally, when the memory reaches as far as this fetch
 * asks), walk the pages ({@link WalkPages}, deciding with a {@link HistoryWalk}), then
 * record where the walk left the repository together with the fetch's end, in one write
 * ({@link WalkRecords#completed}).
 */
@Service
public class FetchCommits {

	private static final Logger log = LoggerFactory.getLogger(FetchCommits.class);

	private final Forges forges;

	private final CommitLog commitLog;

	private final Fetches fetches;

	private final History history;

	private final Clock clock;

	private final Permits permits;

	private final FetchCommands commands;

	private final int maxQueued;

	private final Duration resendAfter;

	private final Duration commandSendDeadline;

	/** The most lost commands one sweep sends again. */
	static final int LOST_PER_SWEEP = 100;

	private final FetchMeters meters;

	private final FetchTraces traces;

	private final PublishMailmap mailmaps;

	private final WalkRecords walkRecords;

	FetchCommits(Forges forges, CommitLog commitLog, Fetches fetches, History history, Clock clock,
			FetchSettings settings, FetchCommands commands) {
		this(forges, commitLog, MailmapLog.NONE, fetches, history, clock, settings, commands, FetchMeters.NONE,
				FetchTraces.NONE);
	}

	FetchCommits(Forges forges, CommitLog commitLog, Fetches fetches, History history, Clock clock,
			FetchSettings settings, FetchCommands commands, FetchMeters meters, FetchTraces traces) {
		this(forges, commitLog, MailmapLog.NONE, fetches, history, clock, settings, commands, meters, traces);
	}

	FetchCommits(Forges forges, CommitLog commitLog, MailmapLog mailmapLog, Fetches fetches, History history,
			Clock clock, FetchSettings settings, FetchCommands commands, FetchMeters meters, FetchTraces traces) {
		this(forges, commitLog, mailmapLog, fetches, history, WalkRecords.separately(history, fetches), clock, settings,
				commands, meters, traces);
	}

	@Autowired
	FetchCommits(Forges forges, CommitLog commitLog, MailmapLog mailmapLog, Fetches fetches, History history,
			WalkRecords walkRecords, Clock clock, FetchSettings settings, FetchCommands commands, FetchMeters meters,
			FetchTraces traces) {
		this.walkRecords = walkRecords;
		this.mailmaps = new PublishMailmap(mailmapLog, meters, history);
		this.meters = meters;
		this.traces = traces;
		this.forges = forges;
		this.commitLog = commitLog;
		this.fetches = fetches;
		this.history = history;
		this.clock = clock;
		this.permits = new Permits(settings.maxConcurrentFetches());
		this.commands = commands;
		this.maxQueued = settings.maxQueued();
		this.resendAfter = settings.commandResendAfter();
		this.commandSendDeadline = settings.commandSendDeadline();
	}

	/**
	 * Requests a fetch: records it (QUEUED) and sends the command that runs it
	 * ({@link FetchCommands}); emits it once the command is durably queued. If the
	 * repository has a fetch waiting or running already, on any instance, emits that one
	 * instead when it asks for as much, or once widened to ask for as much while no
	 * instance has taken it up yet; else fails with {@link UnderWay}. Beyond the
	 * configured number of waiting fetches, none is requested ({@link QueueFull}). A
	 * fetch that cannot be recorded is not requested ({@link Fetches.NotRecorded}); one
	 * whose command cannot be sent is recorded as FAILED ({@link NotQueued}).
	 */
	public Mono<Fetch> start(String provider, RepositoryPath repository, int limit, FetchMode mode) {
		forges.named(provider);
		Fetch untraced = Fetch.requested(new RepositoryRef(provider, repository), limit, mode, clock.instant());
		return traces.current()
			.map(untraced::traced)
			.defaultIfEmpty(untraced)
			.flatMap(requested -> fetches.active(requested.target())
				.onErrorMap(Fetches.NotRecorded::new)
				.flatMap(already -> already.isPresent() ? join(already.get(), requested) : enqueue(requested)));
	}

	private Mono<Fetch> enqueue(Fetch requested) {
		return fetches.queued().onErrorMap(Fetches.NotRecorded::new).flatMap(queued -> {
			if (queued >= maxQueued) {
				return Mono.error(new QueueFull(maxQueued));
			}
			return fetches.request(requested);
		}).flatMap(active -> active.id().equals(requested.id()) ? send(active) : join(active, requested));
	}

	/**
	 * The answer to {@code requested} when its repository has the fetch {@code active}
	 * waiting or running already: that one, if it asks for as much; widened to ask for as
	 * much too, if no instance has taken it up yet; otherwise it runs as it was asked
	 * for, and the request is refused ({@link UnderWay}) rather than answered with less
	 * than it asked for. One that ended meanwhile makes room for the request.
	 */
	private Mono<Fetch> join(Fetch active, Fetch requested) {
		if (active.covers(requested.limit(), requested.mode())) {
			return Mono.just(active);
		}
		return fetches.widen(active, requested.limit(), requested.mode()).flatMap(widened -> {
			if (widened.isPresent()) {
				log.info("fetch {} ({}): widened to limit {}, {}, for a request before it was taken up", active.id(),
						active.target(), widened.get().limit(), widened.get().mode());
				return Mono.just(widened.get());
			}
			return fetches.active(active.target())
				.onErrorMap(Fetches.NotRecorded::new)
				.flatMap(now -> now.filter(fetch -> fetch.id().equals(active.id()))
					.map(fetch -> fetch.covers(requested.limit(), requested.mode()) ? Mono.just(fetch)
							: Mono.<Fetch>error(new UnderWay(fetch, requested)))
					.orElseGet(() -> now.isPresent() ? join(now.get(), requested) : enqueue(requested)));
		});
	}

	private Mono<Fetch> send(Fetch fetch) {
		return commands.send(fetch).timeout(commandSendDeadline).thenReturn(fetch).onErrorResume(error -> {
			log.warn("fetch {}: its command could not be sent: {}", fetch.id(), error.toString());
			return fetches.abandon(fetch, "its command could not be queued; try again", clock.instant())
				.onErrorResume(notRecorded -> {
					// the lost-command sweep sends its command again later
					log.warn("fetch {}: could not be recorded FAILED either; it stays QUEUED: {}", fetch.id(),
							notRecorded.toString());
					return Mono.empty();
				})
				.flatMap(recorded -> {
					if (recorded.status() != FetchStatus.FAILED) {
						// the command arrived after all, late, and an instance took it up
						log.info("fetch {}: its command arrived late and the fetch runs", fetch.id());
						return Mono.just(recorded);
					}
					meters.ended(recorded);
					log.warn("fetch {} FAILED: its command could not be queued", fetch.id());
					return Mono.<Fetch>error(new NotQueued(error));
				})
				.switchIfEmpty(Mono.error(new NotQueued(error)));
		});
	}

	/**
	 * Runs the fetch a command asks for, here, once a slot is free (QUEUED until then);
	 * emits it as it ended. A fetch that has ended already is not run again. A fetch an
	 * instance was running when it stopped runs again from the start under the same id
	 * ({@link Fetch#resumed}): what the stopped one published stays published, and the
	 * store drops what is published twice. Each take-up counts as one more attempt
	 * ({@link Fetches#takeUp}): should the instance that ran it before still be running
	 * it (paused, unaware that its partition moved), its writes are refused from now on,
	 * and it stops at its next one. A fetch whose record was lost runs as the command
	 * describes it.
	 */
	public Mono<Fetch> execute(Fetch commanded) {
		return execute(commanded, UUID.randomUUID());
	}

	/**
	 * Runs the fetch as {@link #execute(Fetch)} does, taken up under {@code token}: the
	 * delivery of its command that runs it. Run again under the same token (a take-up
	 * that timed out, tried again), it is the same attempt.
	 */
	public Mono<Fetch> execute(Fetch commanded, UUID token) {
		return fetches.takeUp(commanded.id(), token).flatMap(recorded -> {
			Fetch fetch = recorded.orElse(commanded);
			if (!fetch.active()) {
				log.info("fetch {} has ended already ({}); its command is done", fetch.id(), fetch.status());
				return Mono.just(fetch);
			}
			if (fetch.status() == FetchStatus.RUNNING) {
				log.warn("fetch {} ({}): the instance that ran it stopped before it ended; running it again",
						fetch.id(), fetch.target());
			}
			Fetch turn = fetch.resumed();
			Optional<Forge> forge = forges.find(turn.provider());
			fetches.add(turn);
			if (forge.isEmpty()) {
				return finish(turn, f -> f.failed("no forge is configured under provider '" + turn.provider()
						+ "' on the fetcher instance that took it up", clock.instant()));
			}
			return traces.within(turn, fetches.progress(turn.id(), f -> f).then(permits.run(run(forge.get(), turn))));
		}).onErrorResume(Fetches.Superseded.class, superseded -> fetches.superseded(superseded.fetch()));
	}

	/**
	 * Sends again the commands of fetches still QUEUED long after their command was sent
	 * ({@code FETCH_COMMAND_RESEND_AFTER}): an instance that died between recording a
	 * fetch and sending its command left it waiting for nothing. A command sent twice is
	 * harmless: the second finds its fetch ended. Each fetch is claimed first, so one
	 * instance sends it. Emits how many were sent.
	 */
	public Mono<Integer> resendLostCommands() {
		return Mono.defer(() -> {
			var now = clock.instant();
			return fetches.claimLostCommands(now.minus(resendAfter), now, LOST_PER_SWEEP);
		}).flatMapMany(Flux::fromIterable).concatMap(lost -> {
			log.warn("fetch {} ({}) is still QUEUED {} after its command was sent; sending its command again",
					lost.id(), lost.target(), resendAfter);
			return commands.send(lost).thenReturn(1).onErrorResume(error -> {
				log.warn("fetch {}: its command could not be sent again; the next sweep tries: {}", lost.id(),
						error.toString());
				return Mono.just(0);
			});
		}).reduce(0, Integer::sum);
	}

	/**
	 * The fetch is no longer run here (cancelled: its command went to another instance,
	 * which takes it up from its record).
	 */
	public void handedOver(UUID id) {
		fetches.forget(id);
	}

	/**
	 * The whole run, from its turn on (RUNNING); completes when the fetch is COMPLETED or
	 * FAILED and recorded so, never with an error but {@link Fetches.Superseded} (another
	 * attempt took the fetch up, and this one's writes are refused). The repository's
	 * {@code .mailmap} is read once the last page has been read, published beside that
	 * page, and before the fetch is COMPLETED ({@link PublishMailmap}).
	 */
	Mono<Fetch> run(Forge forge, Fetch fetch) {
		// the fetch recorded as RUNNING while the history recalls the repository: two
		// round
		// trips before the first request, side by side
		Mono<Fetch> running = fetches.progress(fetch.id(), Fetch::running)
			.doOnNext(started -> log.info("fetch {} started: {} limit {} ({})", fetch.id(), fetch.target(),
					fetch.limit(), fetch.mode()));
		return Mono.zip(running, history.recall(fetch.target()))
			.flatMap(both -> walk(forge, fetch, both.getT2()))
			.flatMap(reached -> finish(fetch, f -> f.completed(clock.instant()),
					completed -> walkRecords.completed(completed, reached)))
			.onErrorResume(error -> !(error instanceof Fetches.Superseded),
					error -> finish(fetch, f -> f.failed(reasonFor(error), clock.instant())));
	}

	/**
	 * Walks the history from the first page, incrementally when what earlier fetches
	 * published ({@code remembered}) reaches as far as this one asks (else, after a walk
	 * that completed and unless asked for a full fetch, to its limit publishing only what
	 * they did not), and publishes the mailmap at the head it walked from once the last
	 * page is read; emits what is known once it is done.
	 */
	private Mono<RepositoryMemory> walk(Forge forge, Fetch fetch, Optional<RepositoryMemory> remembered) {
		Optional<RepositoryMemory> memory = remembered
			.filter(m -> fetch.mode() == FetchMode.INCREMENTAL && m.reaches(fetch.limit()));
		// a walk that was cut short left depth 0 behind: the next one walks in full
		boolean deepening = fetch.mode() == FetchMode.INCREMENTAL
				&& remembered.filter(m -> m.depth() > 0 && !m.reaches(fetch.limit())).isPresent();
		HistoryWalk walk = memory.isPresent() ? HistoryWalk.incremental(memory.get().headSha())
				: deepening ? HistoryWalk.deepening() : HistoryWalk.full();
		WalkPages pages = new WalkPages(forge, commitLog, history, walkRecords, fetches, fetch, walk, meters);
		String etag = memory.map(RepositoryMemory::etag).orElse(null);
		// every walk marks its start, fenced by attempt, a new repository's too:
		// an attempt another one took over stops here, before it publishes
		Mono<Void> walking = Mono.defer(() -> {
			Fetch running = fetches.find(fetch.id()).orElseThrow();
			return Fetches.written(running, walkRecords.walking(running));
		});
		return Mono.defer(() -> {
			// the mailmap is read at the head this page pins: as old as this request
			Instant headAsked = clock.instant();
			return forge.firstPage(fetch.repository(), fetch.limit(), etag, pages.waits())
				.flatMap(first -> first.notModified()
						// a read that failed at this head is still due
						? mailmaps.at(forge, fetch, memory.get().headSha(), headAsked, pages.waits())
							.thenReturn(memory.get())
						: walking
							.then(pages.from(first,
									Mono.defer(
											() -> mailmaps.at(forge, fetch, headOf(first), headAsked, pages.waits()))))
							.map(walked -> walk.memory(first, memory, walked.progress())));
		});
	}

	private static String headOf(CommitPage first) {
		return first.commits().isEmpty() ? null : first.commits().get(0).sha();
	}

	private Mono<Fetch> finish(Fetch fetch, UnaryOperator<Fetch> outcome) {
		return finish(fetch, outcome, fetches::write);
	}

	/**
	 * Ends the fetch with {@code outcome}, recorded by {@code write} (retried until it
	 * is: {@link Fetches#end}); says so.
	 */
	private Mono<Fetch> finish(Fetch fetch, UnaryOperator<Fetch> outcome, Function<Fetch, Mono<Boolean>> write) {
		return fetches.end(fetch.id(), outcome, write).doOnNext(finished -> {
			// an end another attempt wrote is that attempt's to count and to tell
			if (finished.attempt() == fetch.attempt() && !finished.active()) {
				meters.ended(finished);
				String said = "fetch {} {}: {} commits published, {} already known, {} set aside{}";
				Object[] what = { fetch.id(), finished.status(), finished.commitsDiscovered(),
						finished.commitsAlreadyKnown(), finished.commitsSetAside(),
						finished.error() == null ? "" : " (" + finished.error() + ")" };
				if (finished.error() == null) {
					log.info(said, what);
				}
				else {
					log.warn(said, what);
				}
			}
		});
	}

	private static String reasonFor(Throwable error) {
		if (error instanceof ForgeFailure) {
			return error.getMessage();
		}
		if (causedBy(error, DataAccessException.class)) {
			// an outage, not a fault of the fetcher's: one line with its causes, no stack
			// trace; its message holds the fetcher's own statements: they stay in the log
			log.warn("fetch failed: its database could not be written: {}{}", said(error), rootCause(error));
			return "the fetcher's database could not record the fetch's progress (" + error.getClass().getSimpleName()
					+ "); what was published stays published: fetch again once the database is back";
		}
		log.warn("fetch failed unexpectedly", error);
		return "publishing commits failed: " + said(error) + rootCause(error) + "; fetch again";
	}

	/**
	 * What lies under a failure, when something does: the top says only "Failed to send";
	 * the broker's reason (a batch expired, a topic missing) is at the bottom.
	 */
	private static String rootCause(Throwable error) {
		Throwable root = error;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
			root = root.getCause();
		}
		return root == error ? "" : " (" + said(root) + ")";
	}

	/** A failure's type and message, on one line of at most 300 characters. */
	private static String said(Throwable error) {
		String said = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
		said = said.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
		return said.length() > 300 ? said.substring(0, 300) + "..." : said;
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** The command that runs a fetch could not be sent; the fetch is FAILED. */
	public static final class NotQueued extends RuntimeException {

		NotQueued(Throwable cause) {
			super("the fetch could not be queued for a fetcher to run (Kafka did not take its command); try again",
					cause);
		}

	}

	/**
	 * The repository has a fetch under way that asks for less than the request, and an
	 * instance has taken it up, so it cannot be widened: ask again once it has ended.
	 */
	public static final class UnderWay extends RuntimeException {

		private final transient Fetch existing;

		UnderWay(Fetch existing, Fetch requested) {
			super(existing.repository() + " has a fetch under way (" + existing.id() + ", limit " + existing.limit()
					+ ", " + existing.mode().name().toLowerCase(Locale.ROOT)
					+ ") that asks for less than this request (limit " + requested.limit() + ", "
					+ requested.mode().name().toLowerCase(Locale.ROOT)
					+ "); a repository runs one fetch at a time, so request this one again once that one has ended "
					+ "(GET /api/v1/fetches/" + existing.id() + ")");
			this.existing = existing;
		}

		public Fetch existing() {
			return existing;
		}

	}

	/** As many fetches wait for their turn as the fetcher lets wait: try again later. */
	public static final class QueueFull extends RuntimeException {

		QueueFull(int maxQueued) {
			super(maxQueued + " fetches are waiting for their turn already (FETCH_MAX_QUEUED); try again later");
		}

	}

}
