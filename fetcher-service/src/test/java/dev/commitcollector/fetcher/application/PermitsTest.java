package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class PermitsTest {

	private final List<String> started = new CopyOnWriteArrayList<>();

	@Test
	void runsNoMoreThanItsPermitsAtOnceAndTheRestInOrder() {
		Permits permits = new Permits(2);
		Sinks.Empty<Void> first = Sinks.empty();
		Sinks.Empty<Void> second = Sinks.empty();

		permits.run(work("a", first)).subscribe();
		permits.run(work("b", second)).subscribe();
		permits.run(work("c", Sinks.empty())).subscribe();
		permits.run(work("d", Sinks.empty())).subscribe();
		assertThat(started).containsExactly("a", "b");

		second.tryEmitEmpty();
		assertThat(started).containsExactly("a", "b", "c");
		first.tryEmitEmpty();
		assertThat(started).containsExactly("a", "b", "c", "d");
		assertThat(permits.available()).isZero();
	}

	@Test
	void freesThePermitWhenWorkFailsOrIsCancelled() {
		Permits permits = new Permits(1);

		permits.run(Mono.error(new IllegalStateException("boom"))).onErrorResume(e -> Mono.empty()).block();
		assertThat(permits.available()).isEqualTo(1);

		Disposable running = permits.run(work("held", Sinks.empty())).subscribe();
		Disposable queued = permits.run(work("queued", Sinks.empty())).subscribe();
		queued.dispose();
		running.dispose();
		assertThat(permits.available()).isEqualTo(1);
		assertThat(permits.run(Mono.just("next")).block(Duration.ofSeconds(1))).isEqualTo("next");
		assertThat(started).containsExactly("held");
	}

	private Mono<Void> work(String name, Sinks.Empty<Void> done) {
		return Mono.defer(() -> {
			started.add(name);
			return done.asMono();
		});
	}

}
