package dev.commitcollector.fetcher.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * Bodies are read as written: a limit of {@code 1.5} is not a whole number (Jackson would
 * cut it to 1), and a field given twice is refused rather than the last one silently
 * winning.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestJson {

	@Bean
	JsonMapperBuilderCustomizer readBodiesAsWritten() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}
