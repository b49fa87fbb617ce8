package dev.commitcollector.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code server.properties} of a single-node KRaft broker (broker and controller
 * combined) on loopback, with every internal topic at replication factor 1.
 */
record KRaftConfig(int port, int controllerPort, Path logDirs, int partitions) {

	/** A configuration on two free ports. */
	static KRaftConfig onFreePorts(Path logDirs, int partitions) {
		return new KRaftConfig(freePort(), freePort(), logDirs, partitions);
	}

	String text() {
		return String.join("\n",
				List.of("process.roles=broker,controller", "node.id=1",
						"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
						"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
						"advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
						"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
						"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + logDirs, "num.partitions=" + partitions,
						"auto.create.topics.enable=true", "offsets.topic.replication.factor=1",
						"offsets.topic.num.partitions=" + partitions, "transaction.state.log.replication.factor=1",
						"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
						"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0"))
				+ "\n";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
