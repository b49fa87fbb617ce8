package dev.commitcollector.query.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.message.Format;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Timestamps read exactly as PostgreSQL holds them. A binary {@code timestamptz} is the
 * microseconds since 2000-01-01 UTC in the proleptic Gregorian calendar, which is
 * {@link Instant}'s calendar too; the driver's own codec moves anything before 1582-10-15
 * into the Julian calendar instead (as {@code java.sql.Timestamp} did), so a commit dated
 * 1500-01-01 read as 1500-01-10, and a keyset cursor built from that date found the same
 * commit again, forever. Dates ({@code authored_at::date} for the activity charts) are
 * days since 2000-01-01 in the same calendar. Registered ahead of the driver's codecs for
 * the binary format, which is the one this service reads ({@link BinaryResults}); text
 * results are parsed by the driver with {@code java.time}, which is already exact.
 */
final class ExactTimestamps implements CodecRegistrar {

	private static final long SECONDS_TO_2000 = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

	private static final LocalDate DAY_2000 = LocalDate.of(2000, 1, 1);

	@Override
	public Publisher<Void> register(PostgresqlConnection connection, ByteBufAllocator allocator,
			CodecRegistry registry) {
		registry.addFirst(new One());
		registry.addFirst(new Many());
		registry.addFirst(new Day());
		return Mono.empty();
	}

	/** One binary timestamp; PostgreSQL's infinities as the furthest instants. */
	static Instant read(ByteBuf buffer) {
		long micros = buffer.readLong();
		if (micros == Long.MAX_VALUE) {
			return Instant.MAX;
		}
		if (micros == Long.MIN_VALUE) {
			return Instant.MIN;
		}
		return Instant.ofEpochSecond(SECONDS_TO_2000 + Math.floorDiv(micros, 1_000_000L),
				Math.floorMod(micros, 1_000_000L) * 1_000L);
	}

	/** One binary date; PostgreSQL's infinities as the furthest dates. */
	static LocalDate readDate(ByteBuf buffer) {
		int days = buffer.readInt();
		if (days == Integer.MAX_VALUE) {
			return LocalDate.MAX;
		}
		if (days == Integer.MIN_VALUE) {
			return LocalDate.MIN;
		}
		return DAY_2000.plusDays(days);
	}

	/**
	 * A one-dimensional binary array of timestamps: its dimensions, whether it holds
	 * nulls, the element type, each dimension's length and lower bound, then each element
	 * as its length (-1 for null) and value.
	 */
	static @Nullable Instant[] readArray(ByteBuf buffer) {
		int dimensions = buffer.readInt();
		buffer.skipBytes(8);
		if (dimensions == 0) {
			return new Instant[0];
		}
		if (dimensions != 1) {
			throw new IllegalArgumentException("a timestamp array of " + dimensions + " dimensions, expected one");
		}
		int length = buffer.readInt();
		buffer.skipBytes(4);
		@Nullable Instant[] values = new Instant[length];
		for (int i = 0; i < length; i++) {
			int bytes = buffer.readInt();
			if (bytes < 0) {
				continue;
			}
			if (bytes != Long.BYTES) {
				throw new IllegalArgumentException("a timestamp of " + bytes + " bytes, expected eight");
			}
			values[i] = read(buffer);
		}
		return values;
	}

	/** What the codecs share: they decode the binary format and encode nothing. */
	private abstract static class Decoding<T> implements Codec<T>, CodecMetadata {

		private final Class<T> type;

		private final PostgresqlObjectId dataType;

		Decoding(Class<T> type, PostgresqlObjectId dataType) {
			this.type = type;
			this.dataType = dataType;
		}

		@Override
		public boolean canDecode(int dataType, Format format, Class<?> type) {
			return dataType == this.dataType.getObjectId() && format == Format.FORMAT_BINARY
					&& type.isAssignableFrom(this.type) && type != Object.class;
		}

		@Override
		public Class<?> type() {
			return type;
		}

		@Override
		public Iterable<Format> getFormats() {
			return List.of(Format.FORMAT_BINARY);
		}

		@Override
		public Iterable<? extends PostgresTypeIdentifier> getDataTypes() {
			return List.of(dataType);
		}

		@Override
		public boolean canEncode(Object value) {
			return false;
		}

		@Override
		public boolean canEncodeNull(Class<?> type) {
			return false;
		}

		@Override
		public EncodedParameter encode(Object value) {
			throw new UnsupportedOperationException("timestamps are encoded by the driver");
		}

		@Override
		public EncodedParameter encode(Object value, int dataType) {
			throw new UnsupportedOperationException("timestamps are encoded by the driver");
		}

		@Override
		public EncodedParameter encodeNull() {
			throw new UnsupportedOperationException("timestamps are encoded by the driver");
		}

	}

	private static final class One extends Decoding<Instant> {

		One() {
			super(Instant.class, PostgresqlObjectId.TIMESTAMPTZ);
		}

		@Override
		public Instant decode(@Nullable ByteBuf buffer, int dataType, Format format, Class<? extends Instant> type) {
			return read(buffer);
		}

	}

	private static final class Many extends Decoding<Instant[]> {

		Many() {
			super(Instant[].class, PostgresqlObjectId.TIMESTAMPTZ_ARRAY);
		}

		@Override
		public Instant[] decode(@Nullable ByteBuf buffer, int dataType, Format format,
				Class<? extends Instant[]> type) {
			return readArray(buffer);
		}

	}

	private static final class Day extends Decoding<LocalDate> {

		Day() {
			super(LocalDate.class, PostgresqlObjectId.DATE);
		}

		@Override
		public LocalDate decode(@Nullable ByteBuf buffer, int dataType, Format format,
				Class<? extends LocalDate> type) {
			return readDate(buffer);
		}

	}

}
