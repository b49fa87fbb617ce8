package dev.commitcollector.query.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forge's private "noreply" commit address, which names the account it stands for: an
 * email in this form is that forge's {@code login:<login>}. The forms, per forge:
 * <ul>
 * <li>GitHub: {@code <id>+<login>@<domain>} and the older {@code <login>@<domain>},
 * domain {@code users.noreply.github.com} (GitHub Enterprise Server:
 * {@code users.noreply.<host>}); a bot's login keeps its {@code [bot]} suffix.
 * <li>GitLab: {@code <id>-<username>@<domain>}, domain {@code users.noreply.gitlab.com}
 * (self-managed: {@code users.noreply.<host>}).
 * <li>Gitea and Forgejo: {@code <username>@<domain>}, domain {@code noreply.<host>}, the
 * default of their {@code NO_REPLY_ADDRESS} setting; an instance that changed it needs
 * its domain configured.
 * </ul>
 * Logins are case-insensitive on these forges, so the login is lowercased as the identity
 * rule does.
 */
public record NoreplyRule(Form form, String domain) {

	/** The shape of the local part, per forge. */
	public enum Form {

		GITHUB("(?:[0-9]+\\+)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot])?)"),

		GITLAB("[0-9]+-([A-Za-z0-9_][A-Za-z0-9_.-]{0,254})"),

		GITEA("([A-Za-z0-9_][A-Za-z0-9_.-]{0,254})");

		private final Pattern localPart;

		Form(String localPart) {
			this.localPart = Pattern.compile(localPart);
		}

	}

	public NoreplyRule {
		domain = domain.strip().toLowerCase(Locale.ROOT);
	}

	/** The account an address in this forge's noreply form names, lowercased. */
	public Optional<String> loginOf(String email) {
		if (email == null) {
			return Optional.empty();
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		int at = address.lastIndexOf('@');
		if (at <= 0 || !address.substring(at + 1).equals(domain)) {
			return Optional.empty();
		}
		Matcher local = form.localPart.matcher(address.substring(0, at));
		return local.matches() ? Optional.of(local.group(1)) : Optional.empty();
	}

}
