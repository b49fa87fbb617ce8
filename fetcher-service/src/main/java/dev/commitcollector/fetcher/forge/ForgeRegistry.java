package dev.commitcollector.fetcher.forge;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.domain.ForgeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds one adapter per configured provider, from the factory of its type. */
@Configuration(proxyBeanMethods = false)
class ForgeRegistry {

	private static final Logger log = LoggerFactory.getLogger(ForgeRegistry.class);

	@Bean
	Forges forges(ForgeSettings settings, List<ForgeFactory> factories) {
		Map<ForgeType, ForgeFactory> byType = factories.stream()
			.collect(Collectors.toMap(ForgeFactory::type, Function.identity()));
		List<Forge> forges = settings.providers().entrySet().stream().map(provider -> {
			ForgeFactory factory = byType.get(provider.getValue().type());
			if (factory == null) {
				throw new IllegalStateException("provider '" + provider.getKey() + "' has type "
						+ provider.getValue().type().id() + ", for which this build has no adapter");
			}
			if (provider.getValue().sendsTokenInClearText()) {
				throw new IllegalStateException("provider '" + provider.getKey() + "' would send its token over plain "
						+ provider.getValue().apiUrl() + "; use an https api-url, or set forges.providers."
						+ provider.getKey() + ".allow-insecure-http=true where the network is trusted");
			}
			log.info("provider {}: {}", provider.getKey(), provider.getValue());
			return factory.create(provider.getKey(), provider.getValue());
		}).toList();
		return new Forges(forges);
	}

}
