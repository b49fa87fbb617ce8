package dev.commitcollector.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Authors per page when not asked, and the most a client may ask for. */
@ConfigurationProperties("query.authors")
record PageSettings(@DefaultValue("50") int defaultSize, @DefaultValue("500") int maxSize) {
}
