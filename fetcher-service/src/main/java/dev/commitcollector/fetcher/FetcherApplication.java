package dev.commitcollector.fetcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Reads the newest commits of a repository from a forge and publishes them to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FetcherApplication {

	public static void main(String[] args) {
		SpringApplication.run(FetcherApplication.class, args);
	}

}
