package dev.commitcollector.fetcher.web;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written: a limit of {@code 1.5} is not a whole number
 * (Jackson would cut it to 1), {@code "7"} is not a number and {@code 123} not a
 * repository (Jackson would convert them), and a field given twice is refused rather than
 * the last one silently winning. Only the server's decoder reads so: the application's
 * mapper, which reads the fetch commands on Kafka and the forges' answers, keeps
 * Jackson's defaults.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestJson {

	/**
	 * After Boot's own codec customizers, so this decoder is the one the server keeps.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	CodecCustomizer readRequestBodiesAsWritten(JsonMapper json) {
		JsonMapper strict = json.rebuild()
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		return configurer -> {
			if (configurer instanceof ServerCodecConfigurer) {
				configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
			}
		};
	}

}
