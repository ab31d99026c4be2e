package org.misemori.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on the data directory. Two processes on one PostgreSQL data
 * directory would corrupt it; the second one stops here with a message saying why.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
		Path lockFile = dataDirectory.resolve("misemori.lock");
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new DataDirectoryInUseException(dataDirectory);
		}
		return new DataDirectoryLock(channel, lock);
	}

	@Override
	public void close() throws IOException {
		lock.release();
		channel.close();
	}

}
