package dev.commitcollector.fetcher.forge.http;

import java.util.Objects;

import io.netty.channel.ChannelOption;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The HTTP client of one forge instance: timeouts, redirects followed only within the API
 * ({@link Redirects}), a User-Agent, room for a full page, JSON asked for, and the token
 * sent as the forge wants it.
 */
final class WebClients {

	/**
	 * A page of 100 GitHub commits is about 400 KB; WebFlux's default buffer limit is 256
	 * KB.
	 */
	static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;

	/**
	 * The product and its version, as forges ask of an API client (GitHub: "the name of
	 * your application"): an operator reading the forge's logs can tell which build sent
	 * a request. The version is the jar's; {@code dev} when run from classes.
	 */
	static final String USER_AGENT = "commit-collector/"
			+ Objects.requireNonNullElse(WebClients.class.getPackage().getImplementationVersion(), "dev");

	private WebClients() {
	}

	static WebClient forApi(HttpForge.Api api, ProviderSettings settings, WebClient.Builder builder) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(settings.timeout().toMillis(), Integer.MAX_VALUE))
			.responseTimeout(settings.timeout())
			.followRedirect((request, response) -> Redirects.followed(settings.apiUrl(), request, response));
		return builder.clone()
			.baseUrl(settings.apiUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_PAGE_BYTES))
			.defaultHeader(HttpHeaders.USER_AGENT, USER_AGENT)
			.defaultHeaders(headers -> {
				headers.set(HttpHeaders.ACCEPT, "application/json");
				api.headers().accept(headers);
				if (settings.hasToken()) {
					api.token().accept(headers, settings.token());
				}
			})
			.build();
	}

}
