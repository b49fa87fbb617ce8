/** What every forge adapter shares: retry and rate-limit waiting, HTTP client set-up, Link headers. */
package dev.commitcollector.fetcher.forge;
