/**
 * The Bitbucket Cloud adapter: REST 2.0
 * {@code /repositories/{workspace}/{repo_slug}/commits}.
 */
package dev.commitcollector.fetcher.forge.bitbucket;
