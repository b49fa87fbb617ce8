/**
 * The GitLab adapter (gitlab.com and self-managed): REST
 * {@code /projects/{id}/repository/commits}.
 */
package dev.commitcollector.fetcher.forge.gitlab;
