package dev.commitcollector.fetcher.forge.bitbucket;

import java.time.Instant;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.forge.http.CommitItems;
import tools.jackson.databind.JsonNode;

/**
 * Turns Bitbucket's commit items into domain commits. Bitbucket gives one date, the
 * author's; it serves as the committer date too.
 */
final class BitbucketCommits {

	private BitbucketCommits() {
	}

	static CommitItems.Read toDomain(JsonNode items) {
		return CommitItems.toDomain("Bitbucket", items, BitbucketPage.Commit.class, "hash", BitbucketCommits::toDomain);
	}

	private static DiscoveredCommit toDomain(BitbucketPage.Commit item) {
		if (item.author() == null) {
			throw new IllegalArgumentException("it has no author");
		}
		RawAuthor author = RawAuthor.parse(item.author().raw());
		Instant date = CommitItems.instant(item.date());
		return DiscoveredCommit.fromMessage(item.hash(),
				new CommitAuthor(author.name(), author.email(), login(item.author())), date, date, item.message(),
				CommitItems.shas(item.parents(), BitbucketPage.Parent::hash));
	}

	/**
	 * The account an author is keyed by: {@code account_id}, else {@code uuid}. Both are
	 * stable for the life of the account; {@code nickname} and {@code display_name} are
	 * not: the user may change them, they need not be unique, and a nickname may hold
	 * spaces. Keying by one of them would split a person when they rename, or merge two
	 * people who share a name.
	 */
	static String login(BitbucketPage.Author author) {
		BitbucketPage.User user = author.user();
		if (user == null) {
			return null;
		}
		return user.accountId() != null && !user.accountId().isBlank() ? user.accountId() : user.uuid();
	}

}
