package dev.commitcollector.fetcher.forge.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import io.netty.channel.ChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The {@link ForgeFailure} an error status, or an answer that could not be had or read,
 * means: its message names the forge and repeats what it said. The status codes mean the
 * same on every forge here.
 */
final class Failures {

	private static final int MAX_MESSAGE = 300;

	/**
	 * How much of an error body the message is looked for in: a forge's error is short, a
	 * hostile one need not be.
	 */
	private static final int MAX_ERROR_BODY = 4096;

	/**
	 * The providers application.yml defines, whose token comes from {@code <NAME>_TOKEN}.
	 */
	private static final Set<String> BUILT_IN = Set.of("github", "gitlab", "bitbucket", "codeberg");

	private static final Logger log = LoggerFactory.getLogger(Failures.class);

	private final String forge;

	private final String tokenSetting;

	private final String token;

	private final Clock clock;

	private final Duration defaultRateLimitWait;

	/**
	 * @param forge the forge's name in messages, such as {@code GitHub}
	 * @param provider the configured instance, to say which token to check
	 */
	Failures(String forge, String provider, RetrySettings retry, Clock clock) {
		this(forge, provider, null, retry, clock);
	}

	/**
	 * @param token the provider's token, masked wherever the forge's own words are
	 * repeated: a forge, or a proxy before it, may echo the request's headers in an error
	 */
	Failures(String forge, String provider, String token, RetrySettings retry, Clock clock) {
		this.forge = forge;
		this.token = token == null || token.isBlank() ? null : token.strip();
		this.tokenSetting = BUILT_IN.contains(provider) ? provider.toUpperCase(Locale.ROOT) + "_TOKEN"
				: "forges.providers." + provider + ".token";
		this.clock = clock;
		this.defaultRateLimitWait = retry.defaultRateLimitWait();
	}

	/** What an error status means; {@code said} is the forge's message. */
	ForgeFailure of(RepositoryPath repository, HttpHeaders headers, int status, String said) {
		// GitLab starts its messages with the status: "401 Unauthorized"
		String clean = masked(said);
		String message = clean.startsWith(status + " ") ? clean.substring((status + " ").length()) : clean;
		if (status == 404) {
			return token == null ? new ForgeFailure.RepositoryNotFound(forge, repository)
					: new ForgeFailure.RepositoryNotFound(forge, repository, tokenSetting);
		}
		Instant retryAt = RateLimitHeaders.retryAt(headers, status, message, clock, defaultRateLimitWait);
		if (retryAt != null) {
			// believed as far as the forge's requests are held (RateBudget): the fetches
			// refused meanwhile say the same time, and the forge is asked again then
			Instant latest = clock.instant().plus(RateBudget.LONGEST_WINDOW);
			return new ForgeFailure.RateLimited(forge, retryAt.isAfter(latest) ? latest : retryAt,
					RateLimitHeaders.announced(headers, clock));
		}
		if (status == 401) {
			return new ForgeFailure.Rejected(
					forge + " rejected the credentials (401 " + message + "); check " + tokenSetting);
		}
		if (status == 403) {
			return new ForgeFailure.Rejected(forge + " refused access (403 " + message + ")");
		}
		if (status >= 300 && status < 400) {
			String location = headers.getFirst(HttpHeaders.LOCATION);
			return new ForgeFailure.Rejected(forge + " answered " + status + " " + message + ", pointing to "
					+ (location == null ? "nowhere" : cut(masked(location)))
					+ "; not followed: only a redirect into the " + "configured API is, at most " + Redirects.MAX
					+ " in a row. Ask for the repository where it is now");
		}
		if (status >= 500) {
			return new ForgeFailure.Unavailable(forge + " answered " + status + " " + message);
		}
		return new ForgeFailure.Rejected(forge + " answered " + status + " " + message);
	}

	/**
	 * Transport and decoding errors become forge failures, so a fetch always ends with a
	 * reason. A body that cannot be read (cut short by a lost connection, or not JSON) is
	 * worth retrying like a 5xx: the next answer is usually whole. A body larger than a
	 * page can be is not.
	 */
	Throwable unlessForgeFailure(Throwable error) {
		if (error instanceof ForgeFailure) {
			return error;
		}
		if (error instanceof DataBufferLimitException) {
			return new ForgeFailure.Rejected(forge + " answered with a body larger than " + WebClients.MAX_PAGE_BYTES
					+ " bytes, more than any page of commits; not read");
		}
		if (error instanceof CodecException || error instanceof UnsupportedMediaTypeException) {
			return new ForgeFailure.Unavailable(forge + " answered with a body that is not a commit list ("
					+ cut(masked(error.getMessage())) + ")");
		}
		// Netty's read timeout and a connection lost mid-answer arrive as they are once
		// the
		// headers are in: the body stalled or broke off, as worth retrying as a request
		// that was never answered
		if (error instanceof WebClientRequestException || error instanceof TimeoutException
				|| error.getCause() instanceof TimeoutException || causedBy(error, IOException.class)
				|| causedBy(error, ChannelException.class)) {
			return new ForgeFailure.Unavailable(
					forge + " could not be reached or did not answer in time (" + rootCauseOf(error) + ")");
		}
		return error;
	}

	/**
	 * An answer not had in full within {@code deadline}: the forge kept the request open
	 * (a body trickling in, each read within the timeout), which is worth retrying.
	 */
	ForgeFailure.Unavailable pastDeadline(Duration deadline) {
		return new ForgeFailure.Unavailable(forge + " did not finish answering within " + deadline
				+ " (FORGE_REQUEST_DEADLINE); the request was abandoned");
	}

	/**
	 * The forge's own words: the {@code message} field of a JSON error (nested ones too),
	 * else the body; the token masked in the body and again in the message without its
	 * escapes (a forge could have escaped it).
	 */
	String said(String body) {
		return masked(messageOf(masked(body)));
	}

	/** {@code text} with the token, should it be there, replaced by {@value #MASK}. */
	String masked(String text) {
		return token == null || text == null ? text : text.replace(token, MASK);
	}

	static final String MASK = "[token]";

	static String messageOf(String body) {
		String start = body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) : body;
		String message = messageField(start);
		return cut(message != null ? message : start.strip());
	}

	/**
	 * The text of the first {@code "message": "..."} in {@code json}, its escapes as
	 * written; null when there is none. Read by hand, in one pass: a regular expression
	 * with an alternation under a star recurses once per character, and an error body of
	 * a few thousand characters overflowed the stack of the thread that read it.
	 */
	private static String messageField(String json) {
		for (int key = json.indexOf(MESSAGE_KEY); key >= 0; key = json.indexOf(MESSAGE_KEY, key + 1)) {
			int at = skipSpace(json, key + MESSAGE_KEY.length());
			if (at >= json.length() || json.charAt(at) != ':') {
				continue;
			}
			at = skipSpace(json, at + 1);
			if (at >= json.length() || json.charAt(at) != '"') {
				continue;
			}
			for (int end = at + 1; end < json.length(); end++) {
				char c = json.charAt(end);
				if (c == '\\') {
					end++;
				}
				else if (c == '"') {
					return unescaped(json.substring(at + 1, end));
				}
			}
			return null;
		}
		return null;
	}

	/**
	 * A JSON string's text without its escapes: the forge's message as it meant it, so
	 * that the fetch's error, itself written as JSON, escapes it once, not twice.
	 */
	static String unescaped(String escaped) {
		if (escaped.indexOf('\\') < 0) {
			return escaped;
		}
		StringBuilder text = new StringBuilder(escaped.length());
		for (int at = 0; at < escaped.length(); at++) {
			char c = escaped.charAt(at);
			if (c != '\\' || at + 1 >= escaped.length()) {
				text.append(c);
				continue;
			}
			char code = escaped.charAt(++at);
			switch (code) {
				case 'n', 'r', 't', 'b', 'f' -> text.append(' ');
				case 'u' -> {
					if (at + 4 < escaped.length() && escaped.substring(at + 1, at + 5).matches("[0-9a-fA-F]{4}")) {
						text.append((char) Integer.parseInt(escaped.substring(at + 1, at + 5), 16));
						at += 4;
					}
					else {
						text.append("\\u");
					}
				}
				default -> text.append(code);
			}
		}
		return wholeCharacters(text);
	}

	/** A half of a surrogate pair left alone, which no UTF-8 can hold, becomes U+FFFD. */
	private static String wholeCharacters(StringBuilder text) {
		for (int at = 0; at < text.length(); at++) {
			char c = text.charAt(at);
			if (Character.isHighSurrogate(c) && at + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(at + 1))) {
				at++;
			}
			else if (Character.isSurrogate(c)) {
				text.setCharAt(at, '\uFFFD');
			}
		}
		return text.toString();
	}

	private static final String MESSAGE_KEY = "\"message\"";

	private static int skipSpace(String text, int from) {
		int at = from;
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
		return at;
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What went wrong at the bottom, by kind: a refused connection, an unknown host, a
	 * TLS failure or a timeout, else the exception's type. Its message (which names hosts
	 * and addresses of the forge's network) goes to the log, not into the fetch, which
	 * anyone who can read the fetches sees.
	 */
	private String rootCauseOf(Throwable error) {
		Throwable root = error;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
			root = root.getCause();
		}
		log.warn("{} could not be reached: {}: {}", forge, root.getClass().getName(), cut(masked(root.getMessage())));
		String type = root.getClass().getSimpleName();
		if (root instanceof ConnectException) {
			return type + ": connection refused";
		}
		if (root instanceof UnknownHostException || causedBy(error, UnknownHostException.class)) {
			// Netty's resolver wraps its own DnsErrorCauseException, a name that says
			// nothing
			return "UnknownHostException: " + hostOf(error)
					+ " could not be resolved; check the provider's API URL and this machine's DNS";
		}
		if (root instanceof SSLException) {
			return type + ": the TLS handshake failed";
		}
		if (root instanceof TimeoutException || root instanceof SocketTimeoutException) {
			return type + ": timed out";
		}
		return type;
	}

	/** The configured API URL's host (never an address it resolved to), when known. */
	private static String hostOf(Throwable error) {
		if (error instanceof WebClientRequestException request && request.getUri().getHost() != null) {
			return request.getUri().getHost();
		}
		return "its host";
	}

	private static String cut(String said) {
		String message = String.valueOf(said).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
		return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
	}

}
