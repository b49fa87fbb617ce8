package dev.commitcollector.fetcher.forge.git;

import java.time.Duration;

import dev.commitcollector.fetcher.forge.http.SettingRefused;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of a plain-git fetch, which costs the fetcher disk and time where an HTTP
 * forge's pages cost it nothing: the deepest history one fetch reads (below the fetch
 * limit's maximum), the largest pack it lets a server send (a server that offers no
 * commits-only filter sends trees and blobs too), and how long the server may take to
 * answer all of one fetch's requests over HTTP.
 */
@ConfigurationProperties("forges.git")
public record GitSettings(@DefaultValue("50000") int maxDepth, @DefaultValue("512MB") DataSize maxPackSize,
		@DefaultValue("10m") Duration fetchDeadline) {

	public GitSettings {
		if (maxDepth < 1) {
			throw new SettingRefused("max-depth", "forges.git.max-depth must be at least 1");
		}
		if (maxPackSize == null || maxPackSize.toBytes() < 1) {
			throw new SettingRefused("max-pack-size", "forges.git.max-pack-size must be positive, such as 512MB");
		}
		if (fetchDeadline == null || fetchDeadline.isNegative() || fetchDeadline.isZero()) {
			throw new SettingRefused("fetch-deadline", "forges.git.fetch-deadline must be positive, such as 10m");
		}
	}

}
