package dev.commitcollector.fetcher;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ends the process at once when it is told to stop (SIGTERM, Ctrl-C) while it is still
 * starting. Spring's own shutdown hook waits for the start to end, and a start that waits
 * for PostgreSQL (Flyway tries again for about ten minutes) would ignore the signal that
 * long, leaving SIGKILL as the only way out. What a start has begun by then is left as a
 * crash leaves it, which every part of the service is built to take. A start that failed
 * ends as Spring ends it, with its own reason and exit code.
 */
final class StoppedWhileStarting {

	private StoppedWhileStarting() {
	}

	static SpringApplication guard(SpringApplication application) {
		AtomicBoolean ended = new AtomicBoolean();
		application.addListeners((ApplicationListener<ApplicationStartedEvent>) event -> ended.set(true),
				(ApplicationListener<ApplicationFailedEvent>) event -> ended.set(true));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (!ended.get()) {
				// the logging system may be stopping beside this hook
				System.err.println("stopped while starting: exiting now, without waiting for the start to end");
				Runtime.getRuntime().halt(143);
			}
		}, "stopped-while-starting"));
		return application;
	}

}
