package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fetcher's folder under the folder fetchers share, {@code fetcher-<id>}, owned
 * through a lock on {@code fetcher-<id>.lock} held for as long as the process runs. The
 * operating system lets go of the lock when the process ends however it ends, so a folder
 * whose lock can be taken belongs to a fetcher that is gone, and is deleted at once,
 * whatever the age of what it holds.
 */
final class OwnedFolder implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OwnedFolder.class);

	private static final String PREFIX = "fetcher-";

	private static final String LOCK = ".lock";

	/** A lock file's name while its fetcher takes it. */
	private static final String UNNAMED = ".new";

	/**
	 * The lock files this process holds. Never opened a second time: closing any channel
	 * on a file lets go of every lock the process holds on it (POSIX), so a look at one
	 * of its own would hand its folder to the next fetcher that starts.
	 */
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final Path path;

	private final Path lockFile;

	private final FileChannel channel;

	private final FileLock lock;

	private OwnedFolder(Path path, Path lockFile, FileChannel channel, FileLock lock) {
		this.path = path;
		this.lockFile = lockFile;
		this.channel = channel;
		this.lock = lock;
	}

	/** A new folder of this process's under {@code shared}. */
	static OwnedFolder claim(Path shared) throws IOException {
		Files.createDirectories(shared);
		String name = PREFIX + UUID.randomUUID();
		Path lockFile = shared.resolve(name + LOCK);
		// locked under another name first: a lock file is never there unlocked, for a
		// fetcher starting meanwhile to take for a leftover
		Path unnamed = shared.resolve(name + LOCK + UNNAMED);
		FileChannel channel = FileChannel.open(unnamed, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		try {
			FileLock lock = channel.lock();
			HELD.add(lockFile.toAbsolutePath().normalize());
			Path folder = Files.createDirectories(shared.resolve(name));
			Files.move(unnamed, lockFile, StandardCopyOption.ATOMIC_MOVE);
			return new OwnedFolder(folder, lockFile, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * Deletes the folders under {@code shared} whose owner is gone; the number deleted.
	 */
	static int clearUnowned(Path shared) {
		if (!Files.isDirectory(shared)) {
			return 0;
		}
		int cleared = 0;
		// with the lock files of fetchers that died taking theirs
		try (DirectoryStream<Path> locks = Files.newDirectoryStream(shared,
				PREFIX + "*" + LOCK + "{," + UNNAMED + "}")) {
			for (Path lockFile : locks) {
				if (clearIfUnowned(lockFile)) {
					cleared++;
				}
			}
		}
		catch (IOException ex) {
			log.warn("could not look for the git fetch folders of stopped fetchers under {}: {}", shared,
					ex.getMessage());
		}
		return cleared;
	}

	private static boolean clearIfUnowned(Path lockFile) {
		String name = lockFile.getFileName().toString();
		String folderName = name.endsWith(UNNAMED) ? name.substring(0, name.length() - UNNAMED.length()) : name;
		Path folder = lockFile.resolveSibling(folderName.substring(0, folderName.length() - LOCK.length()));
		if (HELD.contains(lockFile.toAbsolutePath().normalize())) {
			return false; // this process's
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return false; // another process's, running
			}
			FetchedHistory.deleteQuietly(folder);
			Files.deleteIfExists(lockFile);
			return true;
		}
		catch (OverlappingFileLockException ours) {
			return false; // this process's, though not noted as held: never so
		}
		catch (IOException ex) {
			log.warn("could not tell whether {} is still in use: {}", folder, ex.getMessage());
			return false;
		}
	}

	Path path() {
		return path;
	}

	/** Deletes the folder and lets go of it. */
	@Override
	public void close() {
		FetchedHistory.deleteQuietly(path);
		try {
			Files.deleteIfExists(lockFile);
			lock.release();
			channel.close();
			HELD.remove(lockFile.toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			log.warn("could not let go of {}: {}", lockFile, ex.getMessage());
		}
	}

}
