package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.web.AuthorIndexController.AuthorIndex;
import dev.commitcollector.query.web.AuthorIndexController.AuthorRow;
import dev.commitcollector.query.web.AuthorIndexController.CommitList;
import dev.commitcollector.query.web.AuthorIndexController.CommitRow;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * The two keyset pages written field by field on the encoder's generator, exactly as
 * Jackson's bean serialisation of {@link AuthorIndex} and {@link CommitList} writes them
 * (same names, order, nulls, numbers; {@code keys} left out when null; instants by
 * {@link InstantText}). Serialising a page through bean introspection, a serializer per
 * value and {@code DateTimeFormatter} was a quarter of the query-service's CPU on these
 * pages (docs/performance.md, "Reads near the SQL"). The generator still escapes every
 * string, so the application's JSON settings hold.
 */
final class KeysetJson {

	private static final SerializableString PROVIDER = new SerializedString("provider");

	private static final SerializableString REPOSITORY = new SerializedString("repository");

	private static final SerializableString TOTAL_COMMITS = new SerializedString("totalCommits");

	private static final SerializableString TOTAL_AUTHORS = new SerializedString("totalAuthors");

	private static final SerializableString AUTHORS = new SerializedString("authors");

	private static final SerializableString NEXT = new SerializedString("next");

	private static final SerializableString KEY = new SerializedString("key");

	private static final SerializableString LOGIN = new SerializedString("login");

	private static final SerializableString NAMES = new SerializedString("names");

	private static final SerializableString EMAILS = new SerializedString("emails");

	private static final SerializableString COMMIT_COUNT = new SerializedString("commitCount");

	private static final SerializableString SHARE = new SerializedString("share");

	private static final SerializableString LAST_AUTHORED_AT = new SerializedString("lastAuthoredAt");

	private static final SerializableString CO_AUTHORED_COUNT = new SerializedString("coAuthoredCount");

	private static final SerializableString KEYS = new SerializedString("keys");

	private static final SerializableString AUTHOR = new SerializedString("author");

	private static final SerializableString COMMITS = new SerializedString("commits");

	private static final SerializableString SHA = new SerializedString("sha");

	private static final SerializableString AUTHORED_AT = new SerializedString("authoredAt");

	private static final SerializableString COMMITTED_AT = new SerializedString("committedAt");

	private static final SerializableString MESSAGE_HEADLINE = new SerializedString("messageHeadline");

	private static final SerializableString URL = new SerializedString("url");

	private KeysetJson() {
	}

	/**
	 * A page that serialises itself with {@link KeysetJson}. These pages are never
	 * written with type information, so {@code serializeWithType} writes what
	 * {@code serialize} does.
	 */
	sealed interface Page extends JacksonSerializable permits AuthorIndex, CommitList {

		@Override
		default void serialize(JsonGenerator json, SerializationContext context) {
			if (this instanceof AuthorIndex index) {
				write(index, json);
			}
			else {
				write((CommitList) this, json);
			}
		}

		@Override
		default void serializeWithType(JsonGenerator json, SerializationContext context, TypeSerializer types) {
			serialize(json, context);
		}

	}

	static void write(AuthorIndex index, JsonGenerator json) {
		char[] instants = new char[InstantText.MAX_LENGTH];
		json.writeStartObject(index);
		json.writeName(PROVIDER).writeString(index.provider());
		json.writeName(REPOSITORY).writeString(index.repository());
		json.writeName(TOTAL_COMMITS).writeNumber(index.totalCommits());
		json.writeName(TOTAL_AUTHORS).writeNumber(index.totalAuthors());
		json.writeName(AUTHORS);
		if (index.authors() == null) {
			json.writeNull();
		}
		else {
			json.writeStartArray();
			for (AuthorRow author : index.authors()) {
				write(author, json, instants);
			}
			json.writeEndArray();
		}
		json.writeName(NEXT).writeString(index.next());
		json.writeEndObject();
	}

	private static void write(AuthorRow author, JsonGenerator json, char[] instants) {
		json.writeStartObject(author);
		json.writeName(KEY).writeString(author.key());
		json.writeName(LOGIN).writeString(author.login());
		json.writeName(NAMES);
		strings(author.names(), json);
		json.writeName(EMAILS);
		strings(author.emails(), json);
		json.writeName(COMMIT_COUNT).writeNumber(author.commitCount());
		json.writeName(SHARE).writeNumber(author.share());
		json.writeName(LAST_AUTHORED_AT);
		instant(author.lastAuthoredAt(), json, instants);
		json.writeName(CO_AUTHORED_COUNT).writeNumber(author.coAuthoredCount());
		if (author.keys() != null) {
			json.writeName(KEYS);
			strings(author.keys(), json);
		}
		json.writeEndObject();
	}

	static void write(CommitList list, JsonGenerator json) {
		char[] instants = new char[InstantText.MAX_LENGTH];
		json.writeStartObject(list);
		json.writeName(AUTHOR).writeString(list.author());
		json.writeName(COMMITS);
		if (list.commits() == null) {
			json.writeNull();
		}
		else {
			json.writeStartArray();
			for (CommitRow commit : list.commits()) {
				json.writeStartObject(commit);
				json.writeName(SHA).writeString(commit.sha());
				json.writeName(AUTHORED_AT);
				instant(commit.authoredAt(), json, instants);
				json.writeName(COMMITTED_AT);
				instant(commit.committedAt(), json, instants);
				json.writeName(MESSAGE_HEADLINE).writeString(commit.messageHeadline());
				json.writeName(URL).writeString(commit.url());
				json.writeEndObject();
			}
			json.writeEndArray();
		}
		json.writeName(NEXT).writeString(list.next());
		json.writeEndObject();
	}

	private static void strings(List<String> values, JsonGenerator json) {
		if (values == null) {
			json.writeNull();
			return;
		}
		json.writeStartArray();
		for (String value : values) {
			json.writeString(value);
		}
		json.writeEndArray();
	}

	private static void instant(Instant value, JsonGenerator json, char[] buffer) {
		if (value == null) {
			json.writeNull();
			return;
		}
		int length = InstantText.write(value, buffer);
		if (length < 0) {
			json.writeString(value.toString());
		}
		else {
			json.writeString(buffer, 0, length);
		}
	}

}
