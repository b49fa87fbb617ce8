package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeText;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.eclipse.jgit.errors.PackProtocolException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FilterSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shallow fetch of a remote's HEAD, {@code depth} commits deep, into a temporary bare
 * repository. Commit metadata needs no trees or blobs, so the fetch first asks for
 * commits only ({@code --filter=tree:0}); a server that does not offer filters gets the
 * same fetch without one, which the shallow depth still bounds.
 */
final class ShallowFetch {

	private static final Logger log = LoggerFactory.getLogger(ShallowFetch.class);

	static final String FETCHED = "refs/heads/fetched";

	static final FilterSpec COMMITS_ONLY = commitsOnly();

	/**
	 * HEAD as the server advertises it; main or master where a bare repository's HEAD
	 * points nowhere.
	 */
	private static final List<String> HEADS = List.of(Constants.HEAD, "refs/heads/main", "refs/heads/master");

	/** {@code JGitText.filterRequiresCapability}. */
	private static final String FILTER_REFUSED = "filter requires server to advertise that capability";

	/**
	 * JGit's upload-pack refusing a shallow fetch
	 * ({@code JGitText.noCommitsSelectedForShallow}).
	 */
	private static final String NO_SHALLOW_COMMITS = "No commits selected for shallow request";

	static final int MAX_REMEMBERED = 10_000;

	/** How many branches a refusal names, and how much of each name. */
	private static final int NAMED_BRANCHES = 5;

	private static final int MAX_NAME = 100;

	private final GitRemote remote;

	private final Path workDir;

	private final long maxPackBytes;

	/**
	 * How long a refusal is believed: a server's operator may turn filters on (and the
	 * .mailmap is read again) without the fetcher being restarted.
	 */
	static final Duration REFUSAL_KEPT = Duration.ofHours(1);

	/**
	 * The repositories whose server refused a filter, and when: fetches of them within
	 * {@link #REFUSAL_KEPT} do not ask again. Per repository, as one host can serve
	 * repositories with and without ({@code uploadpack.allowFilter} is a repository's
	 * setting); forgotten past {@link #MAX_REMEMBERED}, which costs one refusal each.
	 */
	private final Map<RepositoryPath, Instant> filtersRefused = new ConcurrentHashMap<>();

	private final Clock clock;

	ShallowFetch(GitRemote remote, Path workDir, long maxPackBytes, Clock clock) {
		this.remote = remote;
		this.workDir = workDir;
		this.maxPackBytes = maxPackBytes;
		this.clock = clock;
	}

	/**
	 * The fetched history of {@code repository}, or empty when it has no commit. Leaves
	 * nothing behind on failure.
	 */
	Optional<FetchedHistory> fetch(RepositoryPath repository, int depth) throws IOException {
		Files.createDirectories(workDir);
		Path directory = Files.createTempDirectory(workDir, "git-fetch-");
		Repository local = null;
		try {
			local = TemporaryRepository.createAt(directory);
			Optional<Ref> advertised = fetchHead(local, repository, depth, directory);
			Ref fetched = local.exactRef(FETCHED);
			if (advertised.isPresent() && fetched != null) {
				return Optional.of(new FetchedHistory(directory, local, fetched.getObjectId(), depth,
						() -> fetchWhole(repository, advertised.get())));
			}
		}
		catch (IOException | RuntimeException | Error ex) {
			discard(local, directory);
			throw ex;
		}
		discard(local, directory);
		return Optional.empty();
	}

	/** The ref fetched into {@link #FETCHED}; empty for a repository with no commit. */
	private Optional<Ref> fetchHead(Repository local, RepositoryPath repository, int depth, Path directory)
			throws IOException {
		URIish uri = remote.of(repository);
		Optional<Ref> head;
		try (Transport transport = Transport.open(local, uri)) {
			remote.configure(transport);
			head = advertisedHead(transport, uri);
			if (head.isEmpty()) {
				return head;
			}
			try {
				fetchRef(transport, repository, head.get(), depth, directory);
				return head;
			}
			catch (TransportException ex) {
				if (!isShallowRefusal(uri, ex)) {
					throw ex;
				}
				log.warn("{} would not fetch {} {} commits deep ({}): JGit's own upload-pack (file://, and JGit-based"
						+ " servers) refuses a shallow fetch whose head is committed after 2038-01-19; fetching its"
						+ " whole history instead", remote, repository, depth, ex.getMessage());
			}
		}
		try (Transport whole = Transport.open(local, uri)) {
			remote.configure(whole);
			fetchRef(whole, repository, head.get(), null, directory);
			return head;
		}
	}

	/**
	 * Whether a shallow fetch failed the way JGit's upload-pack fails one it computes
	 * wrongly: over {@code file://}, where JGit serves the fetch in this process, the
	 * refs were just listed and only the pack failed (its server side says nothing more
	 * than a closed pipe); from a JGit-based server, by its message.
	 */
	private static boolean isShallowRefusal(URIish uri, TransportException error) {
		if ("file".equalsIgnoreCase(uri.getScheme())) {
			return true;
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (String.valueOf(cause.getMessage()).contains(NO_SHALLOW_COMMITS)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@code head}'s whole history, no depth asked, into a temporary repository of its
	 * own: JGit will not fetch a ref's commit into a repository that has it, however
	 * shallow.
	 */
	private FetchedHistory.Whole fetchWhole(RepositoryPath repository, Ref head) throws IOException {
		Path directory = Files.createTempDirectory(workDir, "git-fetch-");
		Repository local = null;
		try {
			local = TemporaryRepository.createAt(directory);
			try (Transport transport = Transport.open(local, remote.of(repository))) {
				remote.configure(transport);
				fetchRef(transport, repository, head, null, directory);
			}
			return new FetchedHistory.Whole(directory, local);
		}
		catch (IOException | RuntimeException | Error ex) {
			discard(local, directory);
			throw ex;
		}
	}

	private void fetchRef(Transport transport, RepositoryPath repository, Ref head, Integer depth, Path directory)
			throws IOException {
		PackSizeGuard guard = new PackSizeGuard(directory, maxPackBytes);
		transport.setDepth(depth);
		try {
			fetch(transport, repository, new RefSpec("+" + head.getName() + ":" + FETCHED), guard);
		}
		catch (IOException ex) {
			if (!guard.exceeded()) {
				throw ex;
			}
		}
		// JGit may end a cancelled fetch quietly, with no ref: that must not read as an
		// empty repository
		if (guard.exceeded()) {
			throw new ForgeFailure.Rejected("the git fetch of " + transport.getURI().getPath()
					+ " was stopped: its pack grew beyond forges.git.max-pack-size (" + maxPackBytes
					+ " bytes); ask for fewer commits or raise the bound");
		}
	}

	/**
	 * The ref to fetch, as ls-remote shows it; none for a repository without commits.
	 * Where HEAD, main and master name no commit, the only branch there is: a bare
	 * repository made by {@code git init --bare} points HEAD at the default branch of the
	 * host's git, which need not be the branch that was pushed.
	 */
	private static Optional<Ref> advertisedHead(Transport transport, URIish uri) throws IOException {
		List<RefSpec> wanted = HEADS.stream().map(RefSpec::new).toList();
		try (FetchConnection refs = transport.openFetch(wanted)) {
			Optional<Ref> head = HEADS.stream()
				.map(refs::getRef)
				.filter(ref -> ref != null && ref.getObjectId() != null)
				.findFirst();
			if (head.isPresent()) {
				return head;
			}
		}
		try (FetchConnection refs = transport
			.openFetch(List.of(new RefSpec(Constants.R_HEADS + "*:" + Constants.R_HEADS + "*")))) {
			return onlyBranch(refs.getRefs(), uri);
		}
	}

	private static Optional<Ref> onlyBranch(Collection<Ref> refs, URIish uri) {
		List<Ref> branches = refs.stream()
			.filter(ref -> ref.getName().startsWith(Constants.R_HEADS) && ref.getObjectId() != null)
			.toList();
		if (branches.size() > 1) {
			throw new ForgeFailure.Rejected("the HEAD of " + uri.getPath() + " names no branch there is, and it has "
					+ branches.size() + " branches (" + branchNames(branches)
					+ "): point its HEAD at the one to read (git symbolic-ref HEAD refs/heads/<branch>)");
		}
		branches.forEach(branch -> log.info("The HEAD of {} names no branch there is; reading its only branch, {}",
				uri.getPath(), ForgeText.clean(branch.getName(), MAX_NAME)));
		return branches.stream().findFirst();
	}

	private static String branchNames(List<Ref> branches) {
		String names = branches.stream()
			.limit(NAMED_BRANCHES)
			.map(branch -> ForgeText.clean(Repository.shortenRefName(branch.getName()), MAX_NAME))
			.collect(Collectors.joining(", "));
		return branches.size() > NAMED_BRANCHES ? names + ", ..." : names;
	}

	private void fetch(Transport transport, RepositoryPath repository, RefSpec spec, PackSizeGuard guard)
			throws IOException {
		if (!filtersRefused(repository)) {
			transport.setFilterSpec(COMMITS_ONLY);
			try {
				transport.fetch(guard, List.of(spec));
				return;
			}
			catch (TransportException ex) {
				if (!isFilterRefusal(ex)) {
					throw ex;
				}
				if (filtersRefused.size() >= MAX_REMEMBERED) {
					filtersRefused.clear();
				}
				filtersRefused.put(repository, clock.instant());
				log.warn("{} offers no partial-clone filters for {}: its history is fetched by depth alone (trees"
						+ " and files too, on every fetch, so a fetch is slower and a repeated one no cheaper),"
						+ " and its .mailmap is not read (the merged view applies none). On the server, run"
						+ " `git config uploadpack.allowFilter true` and `git config uploadpack.allowAnySHA1InWant"
						+ " true` in the repository (or globally) to fetch commits only", remote, repository);
			}
			transport.setFilterSpec(FilterSpec.NO_FILTER);
		}
		transport.fetch(guard, List.of(spec));
	}

	/**
	 * JGit refuses before it asks (a PackProtocolException), and wraps that on the way
	 * up.
	 */
	private static boolean isFilterRefusal(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof PackProtocolException && String.valueOf(cause.getMessage()).contains(FILTER_REFUSED)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the server of {@code repository} has refused a filter within
	 * {@link #REFUSAL_KEPT}.
	 */
	boolean filtersRefused(RepositoryPath repository) {
		Instant refused = filtersRefused.get(repository);
		if (refused != null && clock.instant().isAfter(refused.plus(REFUSAL_KEPT))) {
			filtersRefused.remove(repository, refused);
			return false;
		}
		return refused != null;
	}

	private static FilterSpec commitsOnly() {
		try {
			return FilterSpec.fromFilterLine("tree:0");
		}
		catch (PackProtocolException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void discard(Repository local, Path directory) {
		if (local != null) {
			local.close();
		}
		FetchedHistory.deleteQuietly(directory);
	}

}
