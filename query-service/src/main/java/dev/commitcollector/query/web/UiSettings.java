package dev.commitcollector.query.web;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** What the web page needs to know: where the fetcher's API is, for the fetch form. */
@ConfigurationProperties("query.ui")
record UiSettings(@DefaultValue("http://localhost:8081") URI fetcherUrl) {
}
