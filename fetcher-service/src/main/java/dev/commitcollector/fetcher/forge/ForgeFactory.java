package dev.commitcollector.fetcher.forge;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.ForgeType;

/**
 * Makes the adapter of one forge type for a configured instance. One per adapter package.
 */
public interface ForgeFactory {

	ForgeType type();

	Forge create(String provider, ProviderSettings settings);

}
