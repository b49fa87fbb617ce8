/** Reads of the commit store, as the read-only role. */
package dev.commitcollector.query.persistence;
