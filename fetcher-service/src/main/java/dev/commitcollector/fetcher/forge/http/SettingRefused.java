package dev.commitcollector.fetcher.forge.http;

/**
 * A forge's settings record refused one of its values as it was built: {@code property}
 * is the refused one, relative to the record's prefix ({@code api-url} under
 * {@code forges.providers.github}), so that the start's report can name the variable that
 * set it ({@code GITHUB_API_URL}) and the value it had.
 */
public final class SettingRefused extends IllegalArgumentException {

	private final String property;

	/**
	 * {@code reason} says what the setting takes, without its name or value (the report
	 * adds both).
	 */
	public SettingRefused(String property, String reason) {
		super(property + ": " + reason);
		this.property = property;
	}

	public String property() {
		return property;
	}

	public String reason() {
		return getMessage().substring(property.length() + 2);
	}

}
