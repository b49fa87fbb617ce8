package dev.commitcollector.fetcher.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that may change things on the fetcher ({@code FETCHER_API_KEYS},
 * comma-separated). None configured: the fetcher is open.
 */
@ConfigurationProperties("fetcher.api")
record ApiKeys(@DefaultValue List<String> keys) {

	ApiKeys {
		keys = keys == null ? List.of() : keys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
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
