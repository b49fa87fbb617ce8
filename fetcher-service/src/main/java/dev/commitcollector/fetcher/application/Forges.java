package dev.commitcollector.fetcher.application;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The configured forges, by provider name. */
@Component
public class Forges {

	private final Map<String, Forge> byProvider;

	Forges(List<Forge> forges) {
		this.byProvider = forges.stream()
			.collect(Collectors.toMap(Forge::provider, Function.identity(), (a, b) -> {
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

	/** Fails unless a forge of that name is configured. */
	public void requireKnown(String provider) {
		named(provider);
	}

	/** A provider name no forge is configured under. */
	public static final class UnknownProvider extends IllegalArgumentException {

		UnknownProvider(String provider, java.util.Set<String> known) {
			super("unknown provider '" + provider + "'; configured providers: " + String.join(", ", known));
		}

	}

}
