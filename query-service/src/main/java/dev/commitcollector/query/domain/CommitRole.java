package dev.commitcollector.query.domain;

/**
 * Which of a person's commits: those they authored (the default), those that credit them
 * as a co-author, or both, each once.
 */
public enum CommitRole {

	AUTHOR, COAUTHOR, ANY

}
