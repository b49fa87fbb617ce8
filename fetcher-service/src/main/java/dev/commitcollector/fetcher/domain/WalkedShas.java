package dev.commitcollector.fetcher.domain;

/**
 * The shas a walk has walked, as a Bloom filter of fixed size (256 KB), so a walk's
 * memory stays flat however many commits it walks: {@link #add} tells a sha surely new
 * from one probably walked before. Of 100,000 shas walked, about one new sha in a
 * thousand is taken for walked. A walk counts on it only to tell a page that lists
 * nothing new, never to leave a commit out.
 */
final class WalkedShas {

	private static final int BITS = 1 << 21;

	private static final int HASHES = 4;

	private static final long FIRST_SEED = 0x9E3779B97F4A7C15L;

	private static final long STEP_SEED = 0xC2B2AE3D27D4EB4FL;

	private final long[] words = new long[BITS / Long.SIZE];

	/** Adds {@code sha}; true when it was surely not there before. */
	boolean add(String sha) {
		long first = mixed(sha, FIRST_SEED);
		long step = mixed(sha, STEP_SEED) | 1;
		boolean added = false;
		for (int i = 0; i < HASHES; i++) {
			int bit = (int) ((first + i * step) & (BITS - 1));
			long mask = 1L << (bit & (Long.SIZE - 1));
			int word = bit >>> 6;
			if ((words[word] & mask) == 0) {
				words[word] |= mask;
				added = true;
			}
		}
		return added;
	}

	/**
	 * Whether {@code sha} was probably added: surely not when false, and wrongly so for
	 * about one new sha in a thousand once 100,000 are in.
	 */
	boolean mightContain(String sha) {
		long first = mixed(sha, FIRST_SEED);
		long step = mixed(sha, STEP_SEED) | 1;
		for (int i = 0; i < HASHES; i++) {
			int bit = (int) ((first + i * step) & (BITS - 1));
			if ((words[bit >>> 6] & (1L << (bit & (Long.SIZE - 1)))) == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A 64-bit hash of {@code sha} from {@code seed}: shas are hashes already, but a
	 * forge (or a test) may send ones that share most of their digits.
	 */
	private static long mixed(String sha, long seed) {
		long hash = seed;
		for (int i = 0; i < sha.length(); i++) {
			hash = (hash ^ sha.charAt(i)) * 0x100000001B3L;
		}
		hash ^= hash >>> 33;
		hash *= 0xFF51AFD7ED558CCDL;
		hash ^= hash >>> 33;
		hash *= 0xC4CEB9FE1A85EC53L;
		return hash ^ (hash >>> 33);
	}

}
