package dev.commitcollector.store;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * A setting that is not of its kind ({@code STORE_PORT=8o81},
 * {@code DB_CONNECT_RETRY_INTERVAL=soon}) reported by its variable, its value and what it
 * takes, instead of Spring's "failed to convert java.lang.String to int". The variable is
 * the placeholder the setting's default in application.yml reads
 * ({@code ${STORE_PORT:...}}); a setting without one is named by its property.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableSetting implements FailureAnalyzer {

	/**
	 * How Spring Boot's own check of {@code server.port} says it could not convert it.
	 */
	private static final String NOT_CONVERTED = "Failed to convert to type ";

	private final Environment environment;

	/** Given by Spring Boot as it reports a failed start. */
	UnreadableSetting(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind
					&& bind.getCause() instanceof ConversionFailedException conversion) {
				return analysis(SettingOrigin.of(environment, bind.getName().toString(), conversion.getValue()),
						conversion.getTargetType().getType(), cause);
			}
			if (cause instanceof InvalidConfigurationPropertyValueException invalid && invalid.getReason() != null
					&& invalid.getReason().startsWith(NOT_CONVERTED)) {
				return analysis(SettingOrigin.of(environment, invalid.getName(), invalid.getValue()),
						type(invalid.getReason().substring(NOT_CONVERTED.length())), cause);
			}
		}
		return null;
	}

	private static FailureAnalysis analysis(SettingOrigin setting, Class<?> type, Throwable cause) {
		String kind = kind(type);
		return new FailureAnalysis(setting.variable() + " is " + setting.shownValue() + ", which is not " + kind,
				"Set " + setting.variable() + " to " + kind + setting.orDefault(), cause);
	}

	private static Class<?> type(String name) {
		try {
			return ClassUtils.forName(name.strip(), UnreadableSetting.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError unknown) {
			return Object.class;
		}
	}

	private static String kind(Class<?> type) {
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == Duration.class) {
			return "a duration such as 500ms, 30s, 5m or 1h";
		}
		if (type == DataSize.class) {
			return "a size such as 512KB or 16MB";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT))
				.toList();
		}
		return "a " + type.getSimpleName();
	}

}
