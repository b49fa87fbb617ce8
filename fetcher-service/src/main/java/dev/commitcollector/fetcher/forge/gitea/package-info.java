/**
 * The Gitea and Forgejo adapter (codeberg.org and self-hosted): REST
 * {@code /repos/{owner}/{repo}/commits}.
 */
package dev.commitcollector.fetcher.forge.gitea;
