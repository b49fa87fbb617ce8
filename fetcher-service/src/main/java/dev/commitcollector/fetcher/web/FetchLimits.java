package dev.commitcollector.fetcher.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many commits a fetch reads when not told, and the most it may be told to read. */
@ConfigurationProperties("fetcher.limit")
record FetchLimits(@DefaultValue("1000") int defaultLimit, @DefaultValue("100000") int maximum) {
}
