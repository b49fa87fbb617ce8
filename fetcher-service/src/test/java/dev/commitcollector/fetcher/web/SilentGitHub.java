package dev.commitcollector.fetcher.web;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A GitHub that holds every request until {@link #release} (at most a minute), so the
 * fetches of a test stay running, or waiting for their turn, for as long as it needs.
 */
final class SilentGitHub {

	private final MockWebServer server = new MockWebServer();

	private final CountDownLatch released = new CountDownLatch(1);

	/** Starts it and makes it the {@code github} provider's API. */
	void serve(DynamicPropertyRegistry registry) throws IOException {
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				released.await(60, TimeUnit.SECONDS);
				return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
			}
		});
		server.start();
		registry.add("forges.providers.github.api-url", () -> server.url("/").toString().replaceAll("/$", ""));
	}

	/** Answers what it holds, and stops. */
	void release() {
		released.countDown();
		server.close();
	}

}
