package dev.commitcollector.fetcher.forge.http;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a piece of code on a thread with a small stack (256 KB, a quarter of a Netty
 * thread's usual one): code that recurses once per character of its input fails here on
 * inputs a forge can send, where it would not on a test's main thread.
 */
final class SmallStack {

	private SmallStack() {
	}

	static <T> T run(Supplier<T> work) {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread thread = new Thread(null, () -> {
			try {
				result.set(work.get());
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		}, "small-stack", 256 * 1024);
		thread.start();
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (failure.get() != null) {
			throw new AssertionError("failed on a 256 KB stack", failure.get());
		}
		return result.get();
	}

}
