package dev.commitcollector.fetcher;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP port ({@code FETCHER_PORT}), checked at start: one above 65535 failed only
 * once everything else had started, with Netty's stack trace.
 */
@ConfigurationProperties("server")
@Validated
record ServerPort(@DefaultValue("8081") @Min(value = 0, message = PORT) @Max(value = 65535, message = PORT) int port) {

	static final String PORT = "FETCHER_PORT must be a port number, from 1 to 65535 (0: any free port)";

}
