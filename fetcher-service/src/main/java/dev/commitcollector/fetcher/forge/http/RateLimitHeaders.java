package dev.commitcollector.fetcher.forge.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/**
 * What a forge's answer headers say about its rate limit:
 * {@code x-ratelimit-remaining}/{@code -reset} (GitHub, Gitea),
 * {@code RateLimit-Remaining}/{@code -Reset} (GitLab), and {@code Retry-After} (all).
 *
 * @see <a href=
 * "https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api">GitHub
 * rate limits</a>
 * @see <a href=
 * "https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately">GitHub:
 * handle rate limit errors</a>
 * @see <a href=
 * "https://docs.gitlab.com/administration/settings/user_and_ip_rate_limits/">GitLab rate
 * limits</a>
 */
final class RateLimitHeaders {

	/**
	 * How GitHub words a secondary rate limit ("You have exceeded a secondary rate
	 * limit", formerly "You have triggered an abuse detection mechanism").
	 */
	private static final Pattern LIMIT_MESSAGE = Pattern.compile("(?i)rate limit|abuse detection");

	/** Where a {@code Retry-After} too long to read puts the retry. */
	static final Duration BEYOND_ANY_WAIT = Duration.ofDays(365L * 100);

	private RateLimitHeaders() {
	}

	/** Requests left until the reset, or -1 when the headers do not say. */
	static long remaining(HttpHeaders headers) {
		String left = first(headers, "x-ratelimit-remaining", "ratelimit-remaining");
		return left != null && left.strip().matches("\\d{1,12}") ? Long.parseLong(left.strip()) : -1;
	}

	/**
	 * When the budget is back (epoch seconds in the headers), or null when they do not
	 * say.
	 */
	static Instant reset(HttpHeaders headers) {
		String at = first(headers, "x-ratelimit-reset", "ratelimit-reset");
		return at != null && at.strip().matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(at.strip())) : null;
	}

	/**
	 * When a 403 or 429 is a rate limit, the instant to come back: {@code Retry-After}
	 * (seconds or a date), else the reset of a spent budget, else, for a 429 or a 403
	 * whose message says it is a rate limit (GitHub's secondary limits, which leave
	 * budget and may say nothing of when), {@code fallback} from now. Otherwise null: any
	 * other 403 is a refusal, not a limit.
	 */
	static Instant retryAt(HttpHeaders headers, int status, String message, Clock clock, Duration fallback) {
		if (status != 403 && status != 429) {
			return null;
		}
		Instant retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), clock);
		if (retryAfter != null) {
			return retryAfter;
		}
		if (remaining(headers) == 0) {
			Instant reset = reset(headers);
			return reset != null ? reset : clock.instant().plus(fallback);
		}
		return status == 429 || LIMIT_MESSAGE.matcher(message).find() ? clock.instant().plus(fallback) : null;
	}

	/**
	 * Whether the headers say when a limit lifts ({@code Retry-After}, or the reset of a
	 * spent budget); if not, the wait is a guess to back off from.
	 */
	static boolean announced(HttpHeaders headers, Clock clock) {
		return retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), clock) != null
				|| (remaining(headers) == 0 && reset(headers) != null);
	}

	private static Instant retryAfter(String value, Clock clock) {
		if (value == null) {
			return null;
		}
		if (value.strip().matches("\\d{1,9}")) {
			return clock.instant().plusSeconds(Long.parseLong(value.strip()));
		}
		if (value.strip().matches("\\d{10,}")) {
			// more than 31 years: longer than any wait, and not to be taken for no time
			// given
			return clock.instant().plus(BEYOND_ANY_WAIT);
		}
		try {
			return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String first(HttpHeaders headers, String... names) {
		for (String name : names) {
			String value = headers.getFirst(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
