package dev.commitcollector.localstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stack has started so far, each with how it stops: stopped last started first,
 * once. A stop that comes while the stack is still starting (Ctrl-C then) stops what has
 * started, and nothing starts after it.
 */
final class StartedParts implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StartedParts.class);

	private final Deque<AutoCloseable> stops = new ArrayDeque<>();

	private boolean closed;

	/**
	 * Starts a part with {@code starting} unless the stack is stopping, and remembers how
	 * it stops.
	 * @throws IllegalStateException when the stack is stopping
	 */
	synchronized <T> T start(Callable<T> starting, Function<T, AutoCloseable> stopping) throws Exception {
		if (closed) {
			throw new IllegalStateException("the stack is stopping");
		}
		T part = starting.call();
		stops.push(stopping.apply(part));
		return part;
	}

	/** Whether {@link #close()} has been called. */
	synchronized boolean stopping() {
		return closed;
	}

	/**
	 * Stops every part started, last started first; a part that fails to stop is logged.
	 */
	@Override
	public void close() {
		List<AutoCloseable> stopping;
		synchronized (this) {
			closed = true;
			stopping = new ArrayList<>(stops);
			stops.clear();
		}
		for (AutoCloseable stop : stopping) {
			try {
				stop.close();
			}
			catch (Exception ex) {
				log.warn("stopping a part of the stack failed", ex);
			}
		}
	}

}
