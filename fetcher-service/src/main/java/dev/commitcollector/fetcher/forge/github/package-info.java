/**
 * The GitHub and GitHub Enterprise Server adapter: REST
 * {@code /repos/{owner}/{repo}/commits}.
 */
package dev.commitcollector.fetcher.forge.github;
