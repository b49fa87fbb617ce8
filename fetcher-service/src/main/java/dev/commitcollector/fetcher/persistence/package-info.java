/**
 * The fetcher's memory of what it published, in its own PostgreSQL schema, through R2DBC.
 */
package dev.commitcollector.fetcher.persistence;
