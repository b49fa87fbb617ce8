/**
 * What every forge adapter shares: the pinned HTTP listing
 * ({@link dev.commitcollector.fetcher.forge.HttpForge}), what answers mean, rate limits,
 * retries, the HTTP client set-up, and the configured providers.
 */
package dev.commitcollector.fetcher.forge;
