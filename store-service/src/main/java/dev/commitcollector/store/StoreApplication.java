package dev.commitcollector.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes CommitDiscovered events and stores each commit once: the write side. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoreApplication {

	public static void main(String[] args) {
		// Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request
		// arrives before the previous answer has fully ended
		// (reactor/reactor-netty#4361): that request then waits until the client gives
		// up. Ending each answer before the next read avoids it.
		System.setProperty("reactor.netty.http.server.lastFlushWhenNoRead", "true");
		StoppedWhileStarting.guard(new SpringApplication(StoreApplication.class)).run(args);
	}

}
