package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/** Every request to a forge is timed once, however it ends. */
class ForgeRequestMeterTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ExchangeFilterFunction timing = ForgeRequestMeter.timing(meters, "github");

	private final ClientRequest request = ClientRequest
		.create(HttpMethod.GET, URI.create("https://api.github.example/repos/acme/widgets/commits"))
		.build();

	@Test
	void timesEachRequestOnceByItsAnswersStatus() {
		timing.filter(request, r -> Mono.just(ClientResponse.create(HttpStatus.NOT_FOUND).build())).block();
		timing.filter(request, r -> Mono.error(new IOException("Connection reset"))).onErrorComplete().block();

		assertThat(count("404")).isOne();
		assertThat(count("IO_ERROR")).isOne();
	}

	@Test
	void timesARequestGivenUpBeforeItsAnswerAsCancelled() {
		Mono<ClientResponse> answer = timing.filter(request, r -> Mono.never());

		assertThat(answer.timeout(Duration.ofMillis(50)).onErrorComplete().block()).isNull();

		assertThat(count("CANCELLED")).isOne();
		assertThat(meters.get("forge.requests").timers()).allSatisfy(
				timer -> assertThat(timer.count()).isEqualTo(timer.getId().getTag("status").equals("200") ? 0 : 1));
	}

	private long count(String status) {
		return meters.get("forge.requests").tag("status", status).timer().count();
	}

}
