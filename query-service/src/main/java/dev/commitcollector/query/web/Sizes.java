package dev.commitcollector.query.web;

/** Checks a requested page size against its bounds, with a message that names them. */
final class Sizes {

	private Sizes() {
	}

	static int within(Integer requested, int defaultSize, int maxSize, String what) {
		int size = requested == null ? defaultSize : requested;
		if (size < 1 || size > maxSize) {
			throw new AuthorsController.InvalidPaging(
					what + " size must be between 1 and " + maxSize + ", was " + size);
		}
		return size;
	}

}
