package dev.commitcollector.fetcher.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many fetches (of different repositories) run at once; more wait their turn. */
@ConfigurationProperties("fetcher.fetches")
public record FetchSettings(@DefaultValue("4") int maxConcurrentFetches) {
}
