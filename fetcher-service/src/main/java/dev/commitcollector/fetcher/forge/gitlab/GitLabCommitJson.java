package dev.commitcollector.fetcher.forge.gitlab;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of {@code GET /projects/{id}/repository/commits}: git's own fields; GitLab
 * names no account.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GitLabCommitJson(String id, String title, String message, @JsonProperty("author_name") String authorName,
		@JsonProperty("author_email") String authorEmail, @JsonProperty("authored_date") String authoredDate,
		@JsonProperty("committed_date") String committedDate, @JsonProperty("parent_ids") List<String> parentIds) {
}
