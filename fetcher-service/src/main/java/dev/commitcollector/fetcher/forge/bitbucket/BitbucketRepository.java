package dev.commitcollector.fetcher.forge.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the fetch reads of {@code GET /2.0/repositories/{workspace}/{repo_slug}}: the main
 * branch, which an empty repository does not have.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BitbucketRepository(Branch mainbranch) {

	/** The main branch's name, or null when there is none. */
	String mainBranchName() {
		return mainbranch == null || mainbranch.name() == null || mainbranch.name().isBlank() ? null
				: mainbranch.name();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Branch(String name) {
	}

}
