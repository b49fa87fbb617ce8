package dev.commitcollector.query.persistence;

import java.time.Instant;

import dev.commitcollector.query.domain.MailmapRead;
import io.r2dbc.spi.Readable;

/**
 * A repository's last {@code .mailmap} read, as columns of a statement that left-joins
 * {@code mailmaps m} to its repository's row.
 */
final class MailmapReads {

	/** The columns {@link #of} reads, from {@code mailmaps m}. */
	static final String COLUMNS = """
			m.present as mailmap_present, cardinality(m.commit_emails) as mailmap_entries,
			m.truncated as mailmap_truncated, m.sha as mailmap_sha, m.discovered_at as mailmap_read_at
			""";

	private MailmapReads() {
	}

	/** The read the row's columns describe; {@code null} when none was read. */
	static MailmapRead of(Readable row) {
		Boolean present = row.get("mailmap_present", Boolean.class);
		if (present == null) {
			return null;
		}
		Integer entries = row.get("mailmap_entries", Integer.class);
		return new MailmapRead(present, entries == null ? 0 : entries,
				Boolean.TRUE.equals(row.get("mailmap_truncated", Boolean.class)), row.get("mailmap_sha", String.class),
				row.get("mailmap_read_at", Instant.class));
	}

}
