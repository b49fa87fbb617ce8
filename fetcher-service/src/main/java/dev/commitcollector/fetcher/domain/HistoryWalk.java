package dev.commitcollector.fetcher.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A walk down a repository's history, newest first, page by page. A full walk publishes
 * every commit it walks. A deepening walk (asked for more than earlier fetches reached)
 * walks as far, and publishes only commits no earlier fetch published. An incremental
 * walk publishes only those too, and has caught up with what is known once it reached the
 * head the last completed fetch started from (or, when that is not known, a known commit)
 * and no new commit waits for a parent it has not seen (so commits a merge brought in,
 * which list after older known ones, are not missed). Meeting other known commits is not
 * enough: a rewritten head leaves known commits below a new one, and only the known head
 * vouches for the history under it. A commit a page repeats from the page before (a
 * forge's paging quirk) is walked once. Whoever walks asks the history which commits are
 * known; this type only decides, also whether the next page may be read before that
 * answer ({@link #mayReadPast}).
 */
public final class HistoryWalk {

	private final boolean incremental;

	/**
	 * False for a walk deeper than what is known: it publishes what is new, to its end.
	 */
	private final boolean stopsOnceCaughtUp;

	private final String knownHead;

	private final Set<String> seen = new HashSet<>();

	private final Set<String> unseenParents = new HashSet<>();

	private boolean metKnown;

	private boolean metKnownHead;

	private Set<String> previousPage = Set.of();

	/**
	 * Parents of the commits walked that no page has listed yet: while any is left, the
	 * walk has not reached the first commit (a forge lists a history as {@code git log}
	 * does, each commit after a child of it), whatever the forge's last page says.
	 */
	private final Set<String> frontier = new HashSet<>();

	/**
	 * Whether {@link #frontier} still says what is left: no longer once it grew past
	 * {@link #MAX_FRONTIER}, nor once the forge listed a commit that could not be read
	 * (its parents are not known).
	 */
	private boolean tracking = true;

	/** What the walk has walked, to tell a page that lists nothing new. */
	private WalkedShas walkedShas;

	/** Whether the last page read listed a commit the walk had not walked. */
	private boolean advanced;

	/** Whether a commit walked listed a parent: the forge lists them. */
	private boolean sawParents;

	/** The most parents awaited at once that the walk keeps track of. */
	static final int MAX_FRONTIER = 10_000;

	private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

	private boolean reachedFirstCommit;

	/** The last commit walked so far, on whichever page: null before the first. */
	private DiscoveredCommit lastWalked;

	private HistoryWalk(boolean incremental, boolean stopsOnceCaughtUp, String knownHead) {
		this.incremental = incremental;
		this.stopsOnceCaughtUp = stopsOnceCaughtUp;
		this.knownHead = knownHead;
	}

	/** A walk that publishes everything it walks. */
	public static HistoryWalk full() {
		return new HistoryWalk(false, false, null);
	}

	/**
	 * A walk deeper than what earlier fetches published: it walks to its limit, as a full
	 * one does, and publishes only the commits no earlier fetch published.
	 */
	public static HistoryWalk deepening() {
		return new HistoryWalk(true, false, null);
	}

	/**
	 * A walk over history earlier fetches published, which publishes only what is new;
	 * {@code knownHead} is the head the last of them started from (null if none).
	 */
	public static HistoryWalk incremental(String knownHead) {
		return new HistoryWalk(true, true, knownHead);
	}

	/** An incremental walk that does not know where the last fetch started. */
	public static HistoryWalk incremental() {
		return incremental(null);
	}

	public boolean isIncremental() {
		return incremental;
	}

	/**
	 * The commits of a page just read, less those the page before listed already: a forge
	 * whose pages overlap must not make the walk count, or publish, a commit twice. Only
	 * the page before is kept, the parents awaited (at most {@link #MAX_FRONTIER}) and a
	 * filter of fixed size of the shas walked, so the walk's memory stays flat whatever
	 * the history's length. Whether the page listed a commit new to the walk is
	 * {@link #advanced}.
	 */
	public List<DiscoveredCommit> unrepeated(List<DiscoveredCommit> page) {
		Set<String> before = previousPage;
		Set<String> listed = new HashSet<>();
		List<DiscoveredCommit> unrepeated = page.stream()
			.filter(commit -> listed.add(commit.sha()) && !before.contains(commit.sha()))
			.toList();
		previousPage = listed;
		if (!unrepeated.isEmpty()) {
			lastWalked = unrepeated.get(unrepeated.size() - 1);
		}
		advanced = false;
		unrepeated.forEach(this::await);
		if (frontier.size() > MAX_FRONTIER) {
			untracked();
		}
		return unrepeated;
	}

	/**
	 * Walks {@code commit}: the page advanced the walk when the commit is new to it; its
	 * parents not walked yet are awaited until a page lists them (a parent taken for
	 * walked by the filter's rare mistake only leaves a gap unnoticed).
	 */
	private void await(DiscoveredCommit commit) {
		if (walkedShas == null) {
			walkedShas = new WalkedShas();
		}
		advanced |= walkedShas.add(commit.sha());
		if (tracking) {
			frontier.remove(commit.sha());
			// a parent may come before one of its children (git lists a commit after the
			// first of them, and dates can be skewed): one walked already is not awaited
			commit.parents()
				.stream()
				.filter(parent -> SHA.matcher(parent).matches() && !walkedShas.mightContain(parent))
				.forEach(frontier::add);
			sawParents |= !commit.parents().isEmpty();
		}
	}

	private void untracked() {
		tracking = false;
		frontier.clear();
	}

	/**
	 * The forge listed commits that could not be read, so their parents are not known:
	 * from now on the walk does not tell whether it reached the first commit by what it
	 * awaits.
	 */
	public void setAside() {
		untracked();
	}

	/**
	 * Whether the last page listed a commit the walk had not walked. A page that did not
	 * (the forge serving pages again, or in circles) is no progress, as an empty one is.
	 */
	public boolean advanced() {
		return advanced;
	}

	/**
	 * Whether the walk reached the first commit of the history and every parent of the
	 * commits it walked, as far as it can tell: nothing below is left to list.
	 */
	public boolean closed() {
		return tracking && sawParents && frontier.isEmpty();
	}

	/**
	 * True when the page after {@code page} may be asked for before the history has said
	 * which commits of {@code page} are known: always in a full walk; in an incremental
	 * one only while no earlier page held a known commit and {@code page} does not hold
	 * the known head. The newest known commit is the first one a history lists, so a walk
	 * that could catch up on {@code page} never reads a page it does not need (unless a
	 * rewritten history lists other known commits before it: then at most one).
	 */
	public boolean mayReadPast(List<DiscoveredCommit> page) {
		return !stopsOnceCaughtUp || !metKnown
				&& (knownHead == null || page.stream().noneMatch(commit -> knownHead.equals(commit.sha())));
	}

	/**
	 * The commits of {@code page} to publish, given which of them are {@code known}: all
	 * of them in a full walk, the unknown ones in an incremental one.
	 */
	public List<DiscoveredCommit> fresh(List<DiscoveredCommit> page, Set<String> known) {
		if (!incremental) {
			return page;
		}
		metKnown |= page.stream().anyMatch(commit -> known.contains(commit.sha()));
		metKnownHead |= knownHead != null && page.stream().anyMatch(commit -> knownHead.equals(commit.sha()));
		List<DiscoveredCommit> fresh = page.stream().filter(commit -> !known.contains(commit.sha())).toList();
		if (!stopsOnceCaughtUp) {
			return fresh;
		}
		page.forEach(commit -> {
			seen.add(commit.sha());
			unseenParents.remove(commit.sha());
		});
		fresh.forEach(commit -> commit.parents()
			.stream()
			.filter(parent -> !seen.contains(parent))
			.forEach(unseenParents::add));
		return fresh;
	}

	/**
	 * Parents of new commits this walk has not reached yet: ask which of them are known.
	 */
	public Set<String> unseenParents() {
		return Set.copyOf(unseenParents);
	}

	/** Parents that are known need no walking to. */
	public void parentsKnown(Set<String> known) {
		unseenParents.removeAll(known);
	}

	/** True when an incremental walk has nothing left to find further down. */
	public boolean caughtUp() {
		return stopsOnceCaughtUp && (knownHead == null ? metKnown : metKnownHead) && unseenParents.isEmpty();
	}

	/**
	 * The forge listed no page after {@code last}: the walk reached the repository's
	 * first commit when every parent of the commits walked was listed; where the walk
	 * cannot tell (a forge that lists no parents, a commit set aside, too many parents
	 * awaited), when the last commit listed (on {@code last}, or when that page held
	 * none, on the last page that did) has no parent. Otherwise the forge left out its
	 * link to the next page, or a page between (or a shallow history ends there): the
	 * walk ends, but what is known is not taken for the whole history, so a later fetch
	 * walks it again. Returns whether the first commit was reached.
	 */
	public boolean ranOutOfPages(List<DiscoveredCommit> last) {
		DiscoveredCommit end = last.isEmpty() ? lastWalked : last.get(last.size() - 1);
		reachedFirstCommit = tracking && sawParents ? frontier.isEmpty() : end == null || end.parents().isEmpty();
		return reachedFirstCommit;
	}

	/**
	 * The forge went on naming next pages that listed nothing after the walk was
	 * {@link #closed}: it reached the first commit all the same.
	 */
	public void reachedFirstCommit() {
		reachedFirstCommit = true;
	}

	/**
	 * What is known once this walk is done, from the head of its {@code first} page,
	 * after {@code progress}: a walk that caught up extends what was known {@code before}
	 * by what it published; any other walk knows what it walked.
	 */
	public RepositoryMemory memory(CommitPage first, Optional<RepositoryMemory> before, Fetch.Progress progress) {
		String head = first.commits().isEmpty() ? null : first.commits().get(0).sha();
		if (caughtUp() && before.isPresent()) {
			return new RepositoryMemory(head, before.get().depth() + progress.discovered(), before.get().complete(),
					first.etag());
		}
		return new RepositoryMemory(head, progress.walked(), reachedFirstCommit, first.etag());
	}

}
