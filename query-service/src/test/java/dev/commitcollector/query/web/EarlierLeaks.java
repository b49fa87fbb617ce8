package dev.commitcollector.query.web;

import java.util.concurrent.TimeUnit;

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
		System.gc();
		// the collector hands the unreachable buffers' references to the reference
		// handler thread, which queues them for the leak detector
		TimeUnit.MILLISECONDS.sleep(200);
		for (int i = 0; i < 4096; i++) {
			ByteBuf sampled = ByteBufAllocator.DEFAULT.buffer(8);
			sampled.release();
		}
	}

}
