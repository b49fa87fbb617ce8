package dev.commitcollector.fetcher.domain;

/**
 * Who wrote a commit, as the forge reports it: the git author's name and email, and the
 * forge account login when the forge links the email to an account ({@code null}
 * otherwise). Each field is cleaned and bounded by {@link ForgeText}: anyone can write
 * anything into a commit's author.
 */
public record CommitAuthor(String name, String email, String login) {

	/**
	 * The name and the email without the blanks around them, as git itself writes an
	 * identity: the email's key is made so, and the email shown should read as its key.
	 */
	public CommitAuthor {
		name = stripped(ForgeText.clean(name, ForgeText.MAX_NAME_BYTES));
		email = stripped(ForgeText.clean(email, ForgeText.MAX_NAME_BYTES));
		login = ForgeText.clean(login, ForgeText.MAX_LOGIN_BYTES);
	}

	private static String stripped(String text) {
		return text == null ? null : text.strip();
	}

}
