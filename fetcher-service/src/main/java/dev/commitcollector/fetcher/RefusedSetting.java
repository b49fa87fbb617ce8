package dev.commitcollector.fetcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.commitcollector.fetcher.forge.http.SettingRefused;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting of its kind but out of its range ({@code WATCH_MAX=-5},
 * {@code GITHUB_API_URL=not-a-url}) reported as what it must be, by its variable and its
 * value, instead of Spring's "Binding to target ...WatchSettings failed" and the settings
 * record's class. Covers the records' constraints and what a record refuses as it is
 * built ({@link SettingRefused}).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedSetting implements FailureAnalyzer {

	/** A variable a check across settings names ({@code FETCH_MAX_LIMIT}). */
	private static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

	private final Environment environment;

	/** Given by Spring Boot as it reports a failed start. */
	RefusedSetting(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindValidationException invalid) {
				return analysis(invalid.getValidationErrors(), cause);
			}
			if (cause instanceof BindException bind && refusal(bind) instanceof SettingRefused refused) {
				SettingOrigin setting = SettingOrigin.of(environment, bind.getName() + "." + refused.property(), null);
				return new FailureAnalysis(said(setting, refused.reason()),
						"Set " + setting.variable() + " as that says" + setting.orDefault(), cause);
			}
		}
		return null;
	}

	private static Throwable refusal(BindException bind) {
		for (Throwable cause = bind.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SettingRefused) {
				return cause;
			}
		}
		return null;
	}

	private FailureAnalysis analysis(ValidationErrors errors, Throwable cause) {
		List<String> said = new ArrayList<>();
		Set<String> variables = new LinkedHashSet<>();
		for (ObjectError error : errors.getAllErrors()) {
			String message = String.valueOf(error.getDefaultMessage());
			if (error instanceof FieldError field && isBound(errors, field)) {
				SettingOrigin setting = SettingOrigin.of(environment, property(errors, field),
						field.getRejectedValue());
				variables.add(setting.variable());
				said.add(said(setting, message));
			}
			else {
				said.add(message);
				VARIABLE.matcher(message).results().forEach(named -> variables.add(named.group()));
			}
		}
		String which = variables.isEmpty() ? "the settings named" : String.join(" and ", variables);
		return new FailureAnalysis(String.join("\n", said),
				"Set " + which + " as that says, or leave "
						+ (variables.size() == 1 ? "it unset for its default" : "them unset for their defaults"),
				cause);
	}

	/** What {@code setting} must be, and what it is. */
	private static String said(SettingOrigin setting, String message) {
		return message.contains(setting.variable()) ? message + " (it is " + setting.shownValue() + ")"
				: setting.variable() + " is " + setting.shownValue() + ": " + message;
	}

	private static String property(ValidationErrors errors, FieldError field) {
		return errors.getName() + "." + DataObjectPropertyName.toDashedForm(field.getField());
	}

	/**
	 * A field's error, not one of a check across fields ({@code isDefaultWithinMaximum}).
	 */
	private static boolean isBound(ValidationErrors errors, FieldError field) {
		String property = property(errors, field);
		return errors.getBoundProperties().stream().anyMatch(bound -> bound.getName().toString().equals(property));
	}

}
