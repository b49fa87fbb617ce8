package dev.commitcollector.query.web;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Has Netty report, now, the buffers leaked before this point in the test JVM (by other
 * classes' clients, say), so that a test watching the log for errors judges only what
 * happens while it runs. Netty reports a leaked buffer only once the collector has found
 * it and a later allocation is sampled for tracking; without this, a collection inside a
 * test's window would put another class's leak in its log.
 */
final class EarlierLeaks {

	private EarlierLeaks() {
	}

	static void reportNow() throws InterruptedException {
		ReferenceQueue<Object> collected = new ReferenceQueue<>();
		PhantomReference<Object> sentinel = new PhantomReference<>(new Object(), collected);
		System.gc();
		// once the sentinel is queued, the references the same collection found (the
		// leaked buffers' among them) have been handed to their queues too
		if (collected.remove(10_000) != sentinel) {
			throw new IllegalStateException("no collection within 10 s; the earlier leaks may still be unreported");
		}
		for (int i = 0; i < 4096; i++) {
			ByteBuf sampled = ByteBufAllocator.DEFAULT.buffer(8);
			sampled.release();
		}
	}

}
