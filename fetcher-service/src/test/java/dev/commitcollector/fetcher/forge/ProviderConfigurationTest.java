package dev.commitcollector.fetcher.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.git.GitSettings;
import dev.commitcollector.fetcher.forge.git.GitWorkDir;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The providers as the fetcher binds them: application.yml under an environment given as
 * a map, read the way Spring Boot reads the real one (relaxed names, placeholders),
 * without starting a context.
 */
class ProviderConfigurationTest {

	private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofSeconds(5), Duration.ofSeconds(60));

	private static final GitSettings GIT = new GitSettings(50_000, DataSize.ofMegabytes(512), Duration.ofMinutes(10));

	@Test
	void offersTheBuiltInProvidersWithTheirPublicApis() throws IOException {
		Map<String, ProviderSettings> providers = forges(Map.of()).providers();

		assertThat(providers).containsOnlyKeys("github", "gitlab", "bitbucket", "codeberg");
		assertThat(providers.get("github")).returns(ForgeType.GITHUB, ProviderSettings::type)
			.returns(URI.create("https://api.github.com"), ProviderSettings::apiUrl);
		assertThat(providers.get("gitlab")).returns(ForgeType.GITLAB, ProviderSettings::type)
			.returns(URI.create("https://gitlab.com/api/v4"), ProviderSettings::apiUrl);
		assertThat(providers.get("bitbucket")).returns(ForgeType.BITBUCKET, ProviderSettings::type)
			.returns(URI.create("https://api.bitbucket.org"), ProviderSettings::apiUrl);
		assertThat(providers.get("codeberg")).returns(ForgeType.GITEA, ProviderSettings::type)
			.returns(URI.create("https://codeberg.org/api/v1"), ProviderSettings::apiUrl);
		assertThat(providers.values()).noneMatch(ProviderSettings::hasToken)
			.allSatisfy(provider -> assertThat(provider.maxConcurrentRequests()).isEqualTo(1));
	}

	@Test
	void readsEachBuiltInsUrlAndTokenFromItsOwnVariables() throws IOException {
		Map<String, ProviderSettings> providers = forges(Map.of("GITLAB_API_URL", "https://gitlab.example.com/api/v4",
				"GITLAB_TOKEN", "glpat-x", "BITBUCKET_TOKEN", "bb-x", "CODEBERG_TOKEN", "cb-x"))
			.providers();

		assertThat(providers.get("gitlab").apiUrl()).isEqualTo(URI.create("https://gitlab.example.com/api/v4"));
		assertThat(providers.get("gitlab").token()).isEqualTo("glpat-x");
		assertThat(providers.get("bitbucket").token()).isEqualTo("bb-x");
		assertThat(providers.get("codeberg").token()).isEqualTo("cb-x");
		assertThat(providers.get("github").hasToken()).isFalse();
	}

	@Test
	void addsAProviderFromEnvironmentVariablesAlone() throws IOException {
		Map<String, ProviderSettings> providers = forges(Map.of("FORGES_PROVIDERS_GHE_TYPE", "github",
				"FORGES_PROVIDERS_GHE_APIURL", "https://ghe.example.com/api/v3", "FORGES_PROVIDERS_GHE_TOKEN", "ghp_x",
				"FORGES_PROVIDERS_GHE_MAXCONCURRENTREQUESTS", "3", "FORGES_PROVIDERS_GHE_TIMEOUT", "45s"))
			.providers();

		assertThat(providers).containsKeys("github", "gitlab", "bitbucket", "codeberg", "ghe");
		assertThat(providers.get("ghe")).isEqualTo(new ProviderSettings(ForgeType.GITHUB,
				URI.create("https://ghe.example.com/api/v3"), "ghp_x", Duration.ofSeconds(45), 3));
	}

	@Test
	void changesOneSettingOfABuiltInFromTheEnvironment() throws IOException {
		ProviderSettings codeberg = forges(Map.of("FORGES_PROVIDERS_CODEBERG_MAXCONCURRENTREQUESTS", "2")).providers()
			.get("codeberg");

		assertThat(codeberg.maxConcurrentRequests()).isEqualTo(2);
		assertThat(codeberg.apiUrl()).isEqualTo(URI.create("https://codeberg.org/api/v1"));
	}

	@Test
	void refusesToStartAProviderThatWouldSendItsTokenOverPlainHttp() throws IOException {
		ForgeSettings settings = forges(
				Map.of("GITHUB_API_URL", "http://ghe.internal/api/v3", "GITHUB_TOKEN", "ghp_x"));

		assertThatThrownBy(() -> adapters(settings))
			.hasMessageContaining("provider 'github' would send its token over plain http://ghe.internal/api/v3")
			.hasMessageNotContaining("ghp_x")
			.hasMessageContaining("allow-insecure-http");
	}

	@Test
	void refusesToStartAProviderWithCredentialsInItsUrlOfAnyTypeWithoutRepeatingThem() throws IOException {
		for (String type : List.of("github", "gitlab", "bitbucket", "gitea", "git")) {
			ForgeSettings settings = forges(Map.of("FORGES_PROVIDERS_INURL_TYPE", type, "FORGES_PROVIDERS_INURL_APIURL",
					"https://alice:pw_in_url_777@forge.example/api"));

			assertThatThrownBy(() -> adapters(settings)).as(type)
				.hasMessageContaining("provider 'inurl' has user info")
				.hasMessageContaining("forges.providers.inurl.token")
				.hasMessageNotContaining("pw_in_url_777");
		}
	}

	@Test
	void startsAProviderWithATokenOverPlainHttpOnlyWhenExplicitlyAllowed() throws IOException {
		ForgeSettings settings = forges(Map.of("GITHUB_API_URL", "http://127.0.0.1:9/api", "GITHUB_TOKEN", "ghp_x",
				"FORGES_PROVIDERS_GITHUB_ALLOWINSECUREHTTP", "true"));

		assertThat(settings.providers().get("github").allowInsecureHttp()).isTrue();
		assertThat(adapters(settings).parsePath("github", "acme/app")).hasToString("acme/app");
	}

	@Test
	void makesAnAdapterOfItsTypeForEveryConfiguredProvider() throws IOException {
		ForgeSettings settings = forges(Map.of("FORGES_PROVIDERS_LOCAL_TYPE", "git", "FORGES_PROVIDERS_LOCAL_APIURL",
				"https://git.example.org/repos"));

		Forges forges = adapters(settings);

		assertThat(settings.providers().keySet())
			.allSatisfy(provider -> assertThat(forges.parsePath(provider, "acme/app")).hasToString("acme/app"));
		assertThat(forges.parsePath("gitlab", "acme/group/app")).hasToString("acme/group/app");
		assertThat(forges.parsePath("local", "acme/group/app")).hasToString("acme/group/app");
		assertThatThrownBy(() -> forges.parsePath("github", "acme/group/app"))
			.isInstanceOf(RepositoryPath.InvalidRepositoryPath.class);
	}

	/** The adapters the fetcher would start with; none is asked for a page. */
	private static Forges adapters(ForgeSettings settings) {
		try (GitWorkDir workDir = GitWorkDir.clearedOfLeftovers(Clock.systemUTC())) {
			return new ForgeConfiguration().forges(settings, RETRY, GIT, workDir, WebClient.builder(),
					new SimpleMeterRegistry(), Clock.systemUTC());
		}
	}

	@Test
	void waitsAMinuteOnAnUnannouncedRateLimitUnlessToldOtherwise() throws IOException {
		assertThat(binder(Map.of()).bindOrCreate("fetcher.retry", RetrySettings.class).defaultRateLimitWait())
			.isEqualTo(Duration.ofSeconds(60));
		assertThat(
				binder(Map.of("FORGE_DEFAULT_RATE_LIMIT_WAIT", "5s")).bindOrCreate("fetcher.retry", RetrySettings.class)
					.defaultRateLimitWait())
			.isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void refusesAProviderSettingThatCannotWorkNamingIt() {
		Map<Map<String, Object>, String> refused = Map.of(
				Map.<String, Object>of("GITHUB_API_URL", "ftp://example.com/api"), "api-url must be an http(s) URL",
				Map.<String, Object>of("CODEBERG_API_URL", "https://codeberg.org/api/v1?x=1#frag"),
				"no query or fragment", Map.<String, Object>of("GITHUB_TIMEOUT", "-5s"), "timeout must be positive",
				Map.<String, Object>of("FORGES_PROVIDERS_GITHUB_TIMEOUT", "0s"), "timeout must be positive",
				Map.<String, Object>of("FORGES_PROVIDERS_GITLAB_MAXCONCURRENTREQUESTS", "0"),
				"max-concurrent-requests must be at least 1");
		refused.forEach((environment, message) -> assertThatThrownBy(() -> forges(environment)).as("%s", environment)
			.rootCause()
			.hasMessageContaining(message));
	}

	private static ForgeSettings forges(Map<String, Object> environment) throws IOException {
		return binder(environment).bindOrCreate("forges", ForgeSettings.class);
	}

	private static Binder binder(Map<String, Object> environment) throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				environment));
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(sources::addLast);
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
	}

}
