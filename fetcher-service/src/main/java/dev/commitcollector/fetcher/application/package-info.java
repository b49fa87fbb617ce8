/**
 * Use cases of the fetcher and the ports they drive: forges, the event log, the fetch
 * registry.
 */
package dev.commitcollector.fetcher.application;
