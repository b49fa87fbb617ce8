package dev.commitcollector.query.persistence;

/** An {@code after} value this service did not hand out. */
public final class InvalidCursor extends IllegalArgumentException {

	InvalidCursor() {
		super("after is not a cursor this service handed out; pass the 'next' value of the previous page");
	}

}
