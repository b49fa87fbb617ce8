/**
 * The fetcher's domain: repositories, the commits a forge reports, and fetches. Plain
 * Java.
 */
package dev.commitcollector.fetcher.domain;
