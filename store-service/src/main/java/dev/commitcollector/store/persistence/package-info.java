/**
 * The commit store in PostgreSQL, written through R2DBC: a batch of new commits by
 * {@code COPY}, any other batch by one statement.
 */
package dev.commitcollector.store.persistence;
