package dev.commitcollector.fetcher.forge.http;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RFC 8288 {@code Link} header, as GitHub, GitLab and Gitea send for pagination.
 */
final class LinkHeader {

	/**
	 * A link and its parameters, up to the comma before the next link. No group is
	 * repeated: Java matches a repeated group by recursion, and a header of a few
	 * thousand parameters overflowed the stack of the thread that read it.
	 */
	private static final Pattern LINK = Pattern.compile("<([^>]*)>([^,]*)");

	private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?");

	private LinkHeader() {
	}

	/** The target of the link with relation {@code rel}, if the header has one. */
	static Optional<String> target(String header, String rel) {
		if (header == null) {
			return Optional.empty();
		}
		Matcher link = LINK.matcher(header);
		while (link.find()) {
			Matcher relation = REL.matcher(link.group(2));
			if (relation.find() && Arrays.asList(relation.group(1).trim().split("\\s+")).contains(rel)) {
				return Optional.of(link.group(1));
			}
		}
		return Optional.empty();
	}

}
