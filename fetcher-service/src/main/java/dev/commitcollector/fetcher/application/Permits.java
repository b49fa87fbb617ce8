package dev.commitcollector.fetcher.application;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A bound on how many Monos run at once, without blocking a thread: a Mono waits,
 * subscribed but idle, until a permit frees up, first come first served. Used for fetches
 * (how many run at once) and for each forge instance (how many requests it gets at once:
 * one, by default).
 */
public final class Permits {

	private final Deque<Waiter> waiting = new ArrayDeque<>();

	private int available;

	public Permits(int permits) {
		if (permits < 1) {
			throw new IllegalArgumentException("at least one permit is needed, was " + permits);
		}
		this.available = permits;
	}

	/**
	 * Runs {@code work} once a permit is free, and frees it when {@code work} ends, fails
	 * or is cancelled.
	 */
	public <T> Mono<T> run(Mono<T> work) {
		return Mono.usingWhen(acquire(), granted -> work, granted -> release(), (granted, error) -> release(),
				granted -> release());
	}

	private Mono<Boolean> acquire() {
		return Mono.create(sink -> {
			Waiter waiter = new Waiter(sink);
			synchronized (this) {
				if (available > 0) {
					available--;
					waiter.granted.set(true);
				}
				else {
					waiting.add(waiter);
				}
			}
			sink.onCancel(() -> cancelled(waiter));
			if (waiter.granted.get()) {
				sink.success(true);
			}
		});
	}

	private void cancelled(Waiter waiter) {
		boolean wasQueued;
		synchronized (this) {
			wasQueued = waiting.remove(waiter);
		}
		// granted but cancelled before usingWhen saw it: give the permit back
		if (!wasQueued && waiter.granted.get() && waiter.delivered.compareAndSet(false, true)) {
			release().subscribe();
		}
	}

	private Mono<Void> release() {
		return Mono.fromRunnable(() -> {
			Waiter next;
			synchronized (this) {
				next = waiting.poll();
				if (next == null) {
					available++;
					return;
				}
				next.granted.set(true);
			}
			next.sink.success(true);
		});
	}

	/** How many are waiting for a permit now. */
	public synchronized int waiting() {
		return waiting.size();
	}

	/** Free permits now; for tests and metrics. */
	public synchronized int available() {
		return available;
	}

	private static final class Waiter {

		final MonoSink<Boolean> sink;

		final AtomicBoolean granted = new AtomicBoolean();

		final AtomicBoolean delivered = new AtomicBoolean();

		Waiter(MonoSink<Boolean> sink) {
			this.sink = sink;
		}

	}

}
