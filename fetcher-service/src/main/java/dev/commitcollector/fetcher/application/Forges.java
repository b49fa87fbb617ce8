package dev.commitcollector.fetcher.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;

/** The configured forges, by provider name. */
public class Forges {

	private final Map<String, Forge> byProvider;

	public Forges(List<Forge> forges) {
		this.byProvider = forges.stream().collect(Collectors.toMap(Forge::provider, Function.identity(), (a, b) -> {
			throw new IllegalStateException("two forges named " + a.provider());
		}, TreeMap::new));
	}

	Forge named(String provider) {
		Forge forge = byProvider.get(provider);
		if (forge == null) {
			throw new UnknownProvider(provider, byProvider.keySet());
		}
		return forge;
	}

	/**
	 * The most commits one fetch can read from {@code provider} ({@link Forge#maxLimit}).
	 */
	public int maxLimit(String provider) {
		return named(provider).maxLimit();
	}

	Optional<Forge> find(String provider) {
		return Optional.ofNullable(byProvider.get(provider));
	}

	/** The configured providers' names, in order. */
	public Collection<String> providers() {
		return byProvider.keySet();
	}

	/** The forge type of a configured provider. */
	public ForgeType typeOf(String provider) {
		return named(provider).type();
	}

	/** Parses a repository path by the rules of the provider's forge type. */
	public RepositoryPath parsePath(String provider, String path) {
		return named(provider).type().parsePath(path);
	}

	/** A provider name no forge is configured under. */
	public static final class UnknownProvider extends IllegalArgumentException {

		UnknownProvider(String provider, Set<String> known) {
			super("unknown provider '" + provider + "'; configured providers: " + String.join(", ", known));
		}

	}

}
