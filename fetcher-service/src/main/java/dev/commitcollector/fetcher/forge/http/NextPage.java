package dev.commitcollector.fetcher.forge.http;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the next page is, on forges that say so in the answer's headers or number their
 * pages, and whether a link may be followed at all.
 */
public final class NextPage {

	private NextPage() {
	}

	/**
	 * The {@code Link rel="next"} target; a relative one is read against the page it came
	 * with.
	 */
	public static Optional<String> linked(URI current, HttpHeaders headers) {
		return LinkHeader.target(String.join(", ", headers.getOrEmpty(HttpHeaders.LINK)), "next")
			.map(target -> current.resolve(target).toString());
	}

	/**
	 * The page after {@code current} when its {@code Link} has a {@code rel="next"}:
	 * {@code current} with {@code page} one up, whatever the link's target. The forges
	 * that send such links number their commit pages, so the link is only a sign that
	 * there is more; its target is never followed. A link is the forge's to write: one
	 * back to an earlier page would loop the walk to its limit, one to another listing
	 * (another repository on the same API) would publish that listing as this
	 * repository's commits, and a forge reached by another name than its own (behind a
	 * proxy) builds its links from its own name. Empty when there is no such link.
	 */
	public static Optional<String> after(URI current, HttpHeaders headers) {
		return linked(current, headers).map(link -> numbered(current, numberOf(current) + 1).toString());
	}

	/** {@code current} asking for page {@code page}; its encoded path stays as it is. */
	public static URI numbered(URI current, int page) {
		return UriComponentsBuilder.fromUri(current).replaceQueryParam("page", page).build(true).toUri();
	}

	/** The page {@code current} asks for: 1 when it does not say. */
	public static int numberOf(URI current) {
		String page = UriComponentsBuilder.fromUri(current).build(true).getQueryParams().getFirst("page");
		return page != null && page.matches("\\d{1,9}") ? Integer.parseInt(page) : 1;
	}

	/**
	 * True when {@code link} points into the configured API, so a forge can never
	 * redirect us (and our token) elsewhere: not to another host, and not out of the
	 * API's path by dot segments ({@code /api/v3/../../admin}, in any encoding), which
	 * the server would resolve after the prefix had matched.
	 */
	public static boolean isWithin(URI apiUrl, String link) {
		URI target;
		try {
			target = URI.create(link);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		String base = apiUrl.toString().replaceAll("/+$", "");
		return target.getScheme() != null && target.getScheme().equalsIgnoreCase(apiUrl.getScheme())
				&& (target.toString().equals(base) || target.toString().startsWith(base + "/"))
				&& !DOT_SEGMENT.matcher(String.valueOf(target.getRawPath())).find();
	}

	/** A path segment that is {@code .} or {@code ..}, plainly or percent-encoded. */
	private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2[eE]){1,2}(/|$)");

}
