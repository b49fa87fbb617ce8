package dev.commitcollector.fetcher.application;

import reactor.core.publisher.Mono;

/** For tests that run a fetch directly: no command is ever sent. */
final class Unsent {

	static final FetchCommands COMMANDS = fetch -> Mono
		.error(new UnsupportedOperationException("this test runs fetches directly, without commands"));

	private Unsent() {
	}

}
