package dev.commitcollector.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback port nobody listens on until {@link #forwardTo} opens it: then every
 * connection to it is passed on to a real server, as a broker that was away and is back.
 */
public final class ClosedPort implements AutoCloseable {

	private final int port;

	private ServerSocket listening;

	public ClosedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
	}

	public String address() {
		return "127.0.0.1:" + port;
	}

	/** From now on, connections to this port reach {@code host:target}. */
	public synchronized void forwardTo(String host, int target) throws IOException {
		listening = new ServerSocket();
		listening.setReuseAddress(true);
		listening.bind(new InetSocketAddress("127.0.0.1", port));
		ServerSocket server = listening;
		daemon(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket upstream = new Socket(host, target);
					daemon(() -> pump(client, upstream));
					daemon(() -> pump(upstream, client));
				}
				catch (IOException closed) {
					// the port was closed again
				}
			}
		});
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ended) {
			// one side went away; closing both ends the other pump too
		}
		finally {
			close(from);
			close(to);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// already closed
		}
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "closed-port");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void close() throws IOException {
		if (listening != null) {
			listening.close();
		}
	}

}
