package dev.commitcollector.fetcher.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The origins whose pages may call the fetch API from a browser: the query-service's
 * page, which starts fetches, follows their progress and adds and removes watches.
 */
@ConfigurationProperties("fetcher.cors")
record CorsSettings(@DefaultValue( {
		"http://localhost:8083", "http://127.0.0.1:8083" }) List<String> allowedOrigins){

	@Configuration(proxyBeanMethods = false)
	static class Registration implements WebFluxConfigurer {

		private final CorsSettings settings;

		Registration(CorsSettings settings) {
			this.settings = settings;
		}

		@Override
		public void addCorsMappings(CorsRegistry registry) {
			registry.addMapping("/api/v1/fetches/**")
				.allowedOrigins(settings.allowedOrigins().toArray(String[]::new))
				.allowedMethods("GET", "POST", "DELETE")
				.exposedHeaders("Location");
			registry.addMapping("/api/v1/watches/**")
				.allowedOrigins(settings.allowedOrigins().toArray(String[]::new))
				.allowedMethods("GET", "POST", "DELETE")
				.exposedHeaders("Location");
		}

	}

}
