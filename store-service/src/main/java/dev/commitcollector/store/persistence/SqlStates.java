package dev.commitcollector.store.persistence;

import io.r2dbc.spi.R2dbcException;

/**
 * Which database failures are about the data and which about the database's state. Data
 * errors are SQLSTATE class 22 (data exception), 54 (program limit exceeded: a key too
 * long to index) and 23 (integrity; the conflicts the store expects are handled before
 * this: the statement's by {@code ON CONFLICT}, the {@code COPY}'s by falling back to the
 * statement). Retrying those changes nothing; everything else (connection lost, admin
 * shutdown, serialization failure, deadlock, timeouts) may pass on retry.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
final class SqlStates {

	private SqlStates() {
	}

	/** The SQLSTATE anywhere in the cause chain, or {@code null}. */
	static String of(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
				return r2dbc.getSqlState();
			}
		}
		return null;
	}

	/**
	 * A unique violation (23505): for the {@code COPY}, a concurrent writer stored one of
	 * its rows first.
	 */
	static boolean isUniqueViolation(Throwable error) {
		return "23505".equals(of(error));
	}

	static boolean isDataError(Throwable error) {
		String state = of(error);
		return state != null && state.length() == 5
				&& (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
	}

	/**
	 * What the database said, with its SQLSTATE, for a log line or a dead letter's
	 * header.
	 */
	static String describe(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc) {
				return "SQLSTATE " + r2dbc.getSqlState() + ": " + r2dbc.getMessage();
			}
		}
		return String.valueOf(error.getMessage());
	}

}
