package dev.commitcollector.fetcher.forge.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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
 * "https://docs.gitlab.com/administration/settings/user_and_ip_rate_limits/">GitLab rate
 * limits</a>
 */
final class RateLimitHeaders {

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
	 * (seconds or a date), else the reset of a spent budget, else, for a bare 429,
	 * {@code fallback} from now. Otherwise null: a 403 with no such header is a refusal,
	 * not a limit.
	 */
	static Instant retryAt(HttpHeaders headers, int status, Clock clock, Duration fallback) {
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
		return status == 429 ? clock.instant().plus(fallback) : null;
	}

	private static Instant retryAfter(String value, Clock clock) {
		if (value == null) {
			return null;
		}
		if (value.strip().matches("\\d{1,9}")) {
			return clock.instant().plusSeconds(Long.parseLong(value.strip()));
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
