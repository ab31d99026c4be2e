package org.misemori.identity.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Common, expected and leaked passwords that are refused whatever their length (the sources are in
 * {@code identity/PASSWORD-BLOCKLIST.md}). The entries sit sorted, back to back, in one UTF-8 byte
 * array with an index of where each starts: about 3 MB of heap for the 229,000 bundled entries, where a
 * {@code HashSet<String>} of them takes about 21 MB. A lookup is a binary search of 18 steps.
 */
final class PasswordBlocklist {

	static final String BUNDLED = "/identity/password-blocklist.txt.gz";

	private final byte[] entries;

	/** Entry i is entries[starts[i]] up to entries[starts[i + 1]]. */
	private final int[] starts;

	private PasswordBlocklist(byte[] entries, int[] starts) {
		this.entries = entries;
		this.starts = starts;
	}

	/** The list shipped with Misemori. */
	static PasswordBlocklist bundled() {
		InputStream resource = PasswordBlocklist.class.getResourceAsStream(BUNDLED);
		if (resource == null) {
			throw new IllegalStateException("The password blocklist " + BUNDLED + " is missing from the classpath");
		}
		try (InputStream gzip = new GZIPInputStream(resource)) {
			return read(gzip);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the password blocklist " + BUNDLED, ex);
		}
	}

	/**
	 * One entry a line, UTF-8, already in {@link PasswordText#comparable} form: regenerate-blocklist.sh
	 * writes it so and PasswordBlocklistUnitTest fails the build otherwise, which spares every start
	 * normalising 229,000 lines again.
	 */
	static PasswordBlocklist read(InputStream lines) throws IOException {
		List<byte[]> read = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(lines, StandardCharsets.UTF_8));
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (!line.isEmpty()) {
				read.add(line.getBytes(StandardCharsets.UTF_8));
			}
		}
		byte[][] sorted = read.toArray(byte[][]::new);
		Arrays.sort(sorted, Arrays::compareUnsigned);
		return pack(sorted);
	}

	private static PasswordBlocklist pack(byte[][] sorted) {
		int[] starts = new int[sorted.length + 1];
		byte[] entries = new byte[Arrays.stream(sorted).mapToInt(entry -> entry.length).sum()];
		int count = 0;
		int end = 0;
		for (byte[] entry : sorted) {
			if (count == 0 || compare(entries, starts[count - 1], end, entry) != 0) {
				starts[count++] = end;
				System.arraycopy(entry, 0, entries, end, entry.length);
				end += entry.length;
			}
		}
		starts[count] = end;
		return new PasswordBlocklist(Arrays.copyOf(entries, end), Arrays.copyOf(starts, count + 1));
	}

	/** Whether the list holds this password; it must already be in {@link PasswordText#comparable} form. */
	boolean contains(String comparable) {
		byte[] wanted = comparable.getBytes(StandardCharsets.UTF_8);
		int low = 0;
		int high = size() - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int order = compare(entries, starts[middle], starts[middle + 1], wanted);
			if (order == 0) {
				return true;
			}
			if (order < 0) {
				low = middle + 1;
			}
			else {
				high = middle - 1;
			}
		}
		return false;
	}

	/** How many distinct entries the list holds. */
	int size() {
		return starts.length - 1;
	}

	private static int compare(byte[] entries, int from, int to, byte[] wanted) {
		return Arrays.compareUnsigned(entries, from, to, wanted, 0, wanted.length);
	}

}
