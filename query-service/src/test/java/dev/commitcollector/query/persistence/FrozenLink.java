package dev.commitcollector.query.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link to a real server that can go silent as a lost host does: once frozen, it
 * keeps every connection open and reads what either side sends, and delivers nothing.
 */
final class FrozenLink implements AutoCloseable {

	private final ServerSocket listening;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean frozen;

	FrozenLink(String host, int port) throws IOException {
		this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon(() -> accept(host, port));
	}

	int port() {
		return listening.getLocalPort();
	}

	void freeze() {
		frozen = true;
	}

	private void accept(String host, int port) {
		try {
			while (true) {
				Socket client = listening.accept();
				Socket server = new Socket(host, port);
				sockets.add(client);
				sockets.add(server);
				daemon(() -> pump(client, server));
				daemon(() -> pump(server, client));
			}
		}
		catch (IOException closed) {
			// the link is closed
		}
	}

	private static void daemon(Runnable work) {
		Thread thread = new Thread(work, "frozen-link");
		thread.setDaemon(true);
		thread.start();
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				if (!frozen) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException closed) {
			// either side closed
		}
	}

	@Override
	public void close() throws IOException {
		listening.close();
		for (Socket socket : sockets) {
			socket.close();
		}
	}

}
