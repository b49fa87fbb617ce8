/**
 * What every HTTP forge adapter shares: the pinned listing ({@link HttpForge}), its
 * requests (gate, conditional GETs), what answers mean, retries, rate limits, paging
 * links, commit items (GitHub's shape among them), and the provider and retry settings,
 * which plain git uses too.
 */
package dev.commitcollector.fetcher.forge.http;
