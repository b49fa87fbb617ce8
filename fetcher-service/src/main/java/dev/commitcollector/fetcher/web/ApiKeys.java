package dev.commitcollector.fetcher.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that may change things on the fetcher ({@code FETCHER_API_KEYS},
 * comma-separated). None configured: the fetcher is open. Set, it must hold keys: a value
 * of only commas or spaces (which passes a "must be set" check) or a key shorter than
 * {@value #MIN_LENGTH} characters refuses to start rather than leave the fetcher open or
 * guessable.
 */
@ConfigurationProperties("fetcher.api")
record ApiKeys(@DefaultValue List<String> keys) {

	static final int MIN_LENGTH = 8;

	ApiKeys {
		boolean set = keys != null && !keys.isEmpty();
		keys = keys == null ? List.of() : keys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
		if (set && keys.isEmpty()) {
			throw new IllegalArgumentException("FETCHER_API_KEYS is set but holds no key (only commas or spaces): "
					+ "set one or more keys, comma-separated, or leave it unset to keep the fetcher open");
		}
		if (keys.stream().anyMatch(key -> key.length() < MIN_LENGTH)) {
			throw new IllegalArgumentException(
					"FETCHER_API_KEYS holds a key shorter than " + MIN_LENGTH + " characters: use longer keys");
		}
	}

	boolean required() {
		return !keys.isEmpty();
	}

	/**
	 * True when {@code presented} is one of the keys. Every key is compared, each in time
	 * that does not depend on where the bytes differ, so the answer's timing tells
	 * nothing.
	 */
	boolean accepts(String presented) {
		if (presented == null) {
			return false;
		}
		byte[] given = presented.getBytes(StandardCharsets.UTF_8);
		boolean accepted = false;
		for (String key : keys) {
			accepted |= MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8));
		}
		return accepted;
	}

	@Override
	public String toString() {
		return "ApiKeys[" + keys.size() + " configured]";
	}

}
