package dev.commitcollector.localstack;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.AdminClient;

/**
 * Waits until a broker process listens and answers a describe-cluster call; fails as soon
 * as the process exits or the wait runs out, pointing at its log.
 */
final class BrokerReadiness {

	private final Process process;

	private final Path log;

	private final Duration timeout;

	private final Instant deadline;

	BrokerReadiness(Process process, Path log, Duration timeout) {
		this.process = process;
		this.log = log;
		this.timeout = timeout;
		this.deadline = Instant.now().plus(timeout);
	}

	void await(int port, Supplier<AdminClient> admin) throws InterruptedException {
		// a client that asks before the port listens logs a warning per attempt: ask once
		// it listens
		while (!answers(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
		})) {
			TimeUnit.MILLISECONDS.sleep(250);
		}
		try (AdminClient client = admin.get()) {
			while (!answers(() -> client.describeCluster().nodes().get(5, TimeUnit.SECONDS))) {
				TimeUnit.MILLISECONDS.sleep(250);
			}
		}
	}

	private boolean answers(Probe probe) {
		if (!process.isAlive()) {
			throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log);
		}
		if (Instant.now().isAfter(deadline)) {
			throw new IllegalStateException("the broker did not answer within " + timeout + "; see " + log);
		}
		try {
			probe.run();
			return true;
		}
		catch (Exception notYet) {
			return false;
		}
	}

	private interface Probe {

		void run() throws Exception;

	}

}
