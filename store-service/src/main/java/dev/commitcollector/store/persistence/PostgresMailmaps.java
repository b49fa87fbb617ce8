package dev.commitcollector.store.persistence;

import java.util.function.Function;

import dev.commitcollector.store.application.Commits;
import dev.commitcollector.store.application.Mailmaps;
import dev.commitcollector.store.domain.MailmapEntry;
import dev.commitcollector.store.domain.MailmapRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * A repository's mailmap is one row, so one upsert replaces it wholesale and atomically;
 * its {@code where} lets only a newer event through, which makes a redelivered or late
 * event a no-op.
 */
@Repository
class PostgresMailmaps implements Mailmaps {

	private static final String REPLACE = """
			insert into mailmaps as m (provider, repository, sha, event_id, fetch_id, discovered_at, present, truncated,
			                           proper_names, proper_emails, commit_names, commit_emails)
			values ($1, $2, $3, $4::uuid, $5::uuid, $6::timestamptz, $7, $8, $9::text[], $10::text[], $11::text[],
			        $12::text[])
			on conflict (provider, repository) do update set
			    sha = excluded.sha, event_id = excluded.event_id, fetch_id = excluded.fetch_id,
			    discovered_at = excluded.discovered_at, present = excluded.present, truncated = excluded.truncated,
			    proper_names = excluded.proper_names, proper_emails = excluded.proper_emails,
			    commit_names = excluded.commit_names, commit_emails = excluded.commit_emails, stored_at = now()
			where (m.discovered_at, m.event_id) < (excluded.discovered_at, excluded.event_id)
			""";

	private final DatabaseClient db;

	PostgresMailmaps(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Boolean> replace(MailmapRecord mailmap) {
		var statement = db.sql(REPLACE).bind(0, mailmap.provider()).bind(1, mailmap.repository());
		statement = mailmap.sha() == null ? statement.bindNull(2, String.class) : statement.bind(2, mailmap.sha());
		return statement.bind(3, mailmap.eventId().toString())
			.bind(4, mailmap.fetchId().toString())
			.bind(5, mailmap.discoveredAt().toString())
			.bind(6, mailmap.present())
			.bind(7, mailmap.truncated())
			.bind(8, column(mailmap, MailmapEntry::properName))
			.bind(9, column(mailmap, MailmapEntry::properEmail))
			.bind(10, column(mailmap, MailmapEntry::commitName))
			.bind(11, column(mailmap, MailmapEntry::commitEmail))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0)
			.onErrorMap(SqlStates::isDataError, error -> new Commits.Unstorable(SqlStates.describe(error), error));
	}

	private static String[] column(MailmapRecord mailmap, Function<MailmapEntry, String> part) {
		return mailmap.mailmap().entries().stream().map(part).toArray(String[]::new);
	}

}
