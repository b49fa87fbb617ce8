/** The commit store in PostgreSQL, written through R2DBC one batch per round trip. */
package dev.commitcollector.store.persistence;
